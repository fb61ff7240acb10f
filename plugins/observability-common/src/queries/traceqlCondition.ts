/*
 * The Traces tab's search is a TraceQL condition (what goes between `{` and `}`), and-ed with the
 * entity's service: `{ resource.service.name = "<service>" && (<q>) }`. It is parsed on its own
 * as `{ <q> }` (@grafana/lezer-traceql) and accepted only when that is one spanset filter whose
 * condition spans all of `q`, so `q` is a complete, balanced expression and the parentheses
 * around it cannot be escaped (`} || { .service.name = "other" }`, `true) || (true`, pipelines,
 * structural operators, hints). The composed query is parsed again before use. One rule for the
 * browser (checked as the user types) and the backend (checked before Tempo is asked).
 *
 * Attribute names with quotes, backticks, backslashes or spaces are refused: the grammar reads
 * `.a-")}||{(true||.b"` as one attribute name, but Tempo 2.2 and older read the quote as part of
 * the name and the rest as a second spanset that matches every service.
 */
import { parser } from '@grafana/lezer-traceql';
import type { SyntaxNode } from '@lezer/common';
import { childrenOf, findAllNamed, findFirst } from './syntaxTree';
import { ComposedQuery, QueryValidation } from './queryValidation';
import { TypedFragment } from './typedFragment';
import type { TraceScope } from '../spec/types';

/** Longest condition accepted. @public */
export const MAX_TRACE_CONDITION_LENGTH = 2000;

const REFUSED_NODES: Record<string, string> = {
  LineComment: 'comments',
  BlockComment: 'comments',
  TemplateVariable: 'template variables',
};

const TRACE_CONDITION = {
  name: 'q',
  language: 'TraceQL condition',
  maxLength: MAX_TRACE_CONDITION_LENGTH,
};

/** Characters no attribute name may contain. */
const UNSAFE_NAME = /["'`\\\s]/;

/** The condition of `top` when it is exactly `{ <condition> }`, else undefined. */
function singleFilterCondition(top: SyntaxNode): SyntaxNode | undefined {
  const only = (node: SyntaxNode | undefined, name: string) => {
    const list = node ? childrenOf(node) : [];
    return list.length === 1 && list[0].name === name ? list[0] : undefined;
  };
  const pipeline = only(
    only(top, 'SpansetPipelineExpression'),
    'SpansetPipeline',
  );
  const filter = only(pipeline, 'SpansetFilter');
  return only(filter, 'FieldExpression');
}

/** A TraceQL string literal. @public */
export function quoteTraceqlString(value: string): string {
  return `"${value
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\n/g, '\\n')}"`;
}

/**
 * The TraceQL query of `condition` restricted to the entity's service (and its namespace, when
 * it has one), or the first problem, positioned in `condition` as typed. An empty condition
 * selects every trace of the service.
 * @public
 */
export function composeTraceQuery(
  scope: TraceScope,
  condition: string,
): ComposedQuery {
  const service = [
    `resource.service.name = ${quoteTraceqlString(scope.serviceName)}`,
    ...(scope.serviceNamespace !== undefined
      ? [
          `resource.service.namespace = ${quoteTraceqlString(
            scope.serviceNamespace,
          )}`,
        ]
      : []),
  ].join(' && ');
  // `q` starts at offset 2 of `wrapped`.
  const fragment = new TypedFragment(condition, TRACE_CONDITION, 2);
  const q = fragment.text;
  if (q === '') {
    return { valid: true, query: `{ ${service} }` };
  }
  const tooLong = fragment.tooLong();
  if (tooLong) {
    return tooLong;
  }
  const wrapped = `{ ${q} }`;
  const top = parser.parse(wrapped).topNode;
  const error = findFirst(top, n => n.type.isError);
  if (error) {
    const column = Math.min(q.length, Math.max(1, error.from - 1));
    // Nothing where the closing brace is expected: the condition stops half-way.
    if (error.from === error.to && error.from === wrapped.length - 1) {
      return fragment.incomplete(condition.length);
    }
    return fragment.syntaxError(
      error.from,
      column,
      wrapped.slice(error.from, error.from + 20) || 'end',
    );
  }
  const refused = findFirst(top, n => n.name in REFUSED_NODES);
  if (refused) {
    return fragment.at(
      refused.from,
      `q may not contain ${REFUSED_NODES[refused.name]}`,
    );
  }
  const fieldExpression = singleFilterCondition(top);
  if (
    !fieldExpression ||
    fieldExpression.from !== 2 ||
    fieldExpression.to !== 2 + q.length
  ) {
    return fragment.at(
      2,
      'q must be a single span condition such as .http.status_code >= 500 && duration > 1s: spanset operators (||, &&, >>, ~), pipelines (|) and hints are not allowed',
    );
  }
  for (const field of findAllNamed(top, 'AttributeField')) {
    const name = field.getChild('Identifier');
    const text = name ? wrapped.slice(name.from, name.to) : '';
    if (UNSAFE_NAME.test(text)) {
      return fragment.at(
        field.from,
        `q: the attribute name ${wrapped.slice(
          field.from,
          field.to,
        )} may not contain quotes, backticks, backslashes or spaces (Tempo 2.2 and older read them differently)`,
      );
    }
  }
  const query = `{ ${service} && (${q}) }`;
  const composed = singleFilterCondition(parser.parse(query).topNode);
  const parts = composed ? childrenOf(composed).map(n => n.name) : [];
  if (parts.join(' ') !== 'FieldExpression And FieldExpression') {
    // Unreachable when the checks above hold; kept so a parser change cannot widen the scope.
    return fragment.at(2, 'q could not be combined with the entity’s service');
  }
  return { valid: true, query };
}

/** Whether `condition` is an acceptable trace search condition. @public */
export function validateTraceqlCondition(condition: string): QueryValidation {
  const composed = composeTraceQuery({ serviceName: 'x' }, condition);
  return composed.valid ? { valid: true } : composed;
}
