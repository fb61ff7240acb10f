/*
 * Validates the Traces tab's search: a TraceQL condition (`status = error && duration > 1s`)
 * that the backend and-s with the entity's service. Parsed with @grafana/lezer-traceql inside
 * a spanset filter `{ <condition> }`; a condition that escapes that one filter (`a } || { b`)
 * is rejected, like the backend does.
 */
import { parser } from '@grafana/lezer-traceql';
import {
  firstErrorOffset,
  QueryValidation,
  syntaxError,
} from './queryValidation';

/** Validates a condition; the empty condition is valid (every trace of the service). */
export function validateTraceqlCondition(condition: string): QueryValidation {
  if (condition.trim() === '') {
    return { valid: true };
  }
  const prefix = '{ ';
  const query = `${prefix}${condition} }`;
  const tree = parser.parse(query);
  const errorAt = firstErrorOffset(tree);
  if (errorAt !== undefined) {
    return syntaxError(
      errorAt,
      prefix.length,
      condition.length,
      'TraceQL condition',
    );
  }
  const pipelineExpression = tree.topNode.firstChild;
  const pipeline = pipelineExpression?.firstChild;
  const filter = pipeline?.firstChild;
  if (
    pipelineExpression?.name !== 'SpansetPipelineExpression' ||
    pipeline?.name !== 'SpansetPipeline' ||
    filter?.name !== 'SpansetFilter' ||
    filter.from !== 0 ||
    filter.to !== query.length
  ) {
    return {
      valid: false,
      position: 0,
      message:
        'Only a span condition is allowed here (e.g. status = error && duration > 1s), not several spansets or a pipeline',
    };
  }
  return { valid: true };
}
