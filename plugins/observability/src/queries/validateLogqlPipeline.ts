/*
 * Validates the Logs tab's filter: a LogQL pipeline (`|= "timeout" | json | level="error"`)
 * that the backend appends to the entity's stream selector. Parsed with @grafana/lezer-logql as
 * `{selector} <pipeline>`; anything that is not a plain log query over that one selector (a
 * second selector, a metric expression, a binary operation) is rejected, like the backend does.
 */
import { parser } from '@grafana/lezer-logql';
import {
  firstErrorOffset,
  QueryValidation,
  syntaxError,
} from './queryValidation';

/** Stand-in for the entity's selector; the pipeline is checked against it. */
const PLACEHOLDER_SELECTOR = '{__lookout_entity__="x"}';

/** Validates a pipeline; the empty pipeline is valid (no filtering). */
export function validateLogqlPipeline(pipeline: string): QueryValidation {
  if (pipeline.trim() === '') {
    return { valid: true };
  }
  const prefix = `${PLACEHOLDER_SELECTOR} `;
  const query = `${prefix}${pipeline}`;
  const tree = parser.parse(query);
  const errorAt = firstErrorOffset(tree);
  if (errorAt !== undefined) {
    return syntaxError(
      errorAt,
      prefix.length,
      pipeline.length,
      'LogQL pipeline',
    );
  }
  const expr = tree.topNode.firstChild;
  const logExpr = expr?.firstChild;
  const selector = logExpr?.getChild('Selector');
  if (
    expr?.name !== 'Expr' ||
    logExpr?.name !== 'LogExpr' ||
    logExpr.to !== query.length ||
    selector?.from !== 0 ||
    selector.to !== PLACEHOLDER_SELECTOR.length
  ) {
    return {
      valid: false,
      position: 0,
      message:
        'Only a log pipeline is allowed here (line filters, parsers, label filters, formatting), not a selector or metric query',
    };
  }
  return { valid: true };
}
