/*
 * The user's trace search is a TraceQL condition (what goes between `{` and `}`), and-ed with the
 * entity's service: `{ resource.service.name = "<service>" && (<q>) }`. It is parsed on its own
 * as `{ <q> }` (@grafana/lezer-traceql) and accepted only when that is one spanset filter whose
 * condition spans all of `q`, so `q` is a complete, balanced expression and the parentheses
 * around it cannot be escaped (`} || { .service.name = "other" }`, `true) || (true`, pipelines,
 * structural operators, hints). The composed query is parsed again before use.
 */
import { InputError } from '@backstage/errors';
import { parser } from '@grafana/lezer-traceql';

type SyntaxNode = ReturnType<typeof parser.parse>['topNode'];

/** Longest condition accepted. */
export const MAX_CONDITION_LENGTH = 2000;

const REFUSED_NODES: Record<string, string> = {
  LineComment: 'comments',
  BlockComment: 'comments',
  TemplateVariable: 'template variables',
};

function children(node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling) {
    out.push(child);
  }
  return out;
}

function findNode(
  node: SyntaxNode,
  test: (n: SyntaxNode) => boolean,
): SyntaxNode | undefined {
  if (test(node)) return node;
  for (const child of children(node)) {
    const found = findNode(child, test);
    if (found) return found;
  }
  return undefined;
}

/** The condition of `query` when it is exactly `{ <condition> }`, else undefined. */
function singleFilterCondition(top: SyntaxNode): SyntaxNode | undefined {
  const only = (node: SyntaxNode | undefined, name: string) => {
    const list = node ? children(node) : [];
    return list.length === 1 && list[0].name === name ? list[0] : undefined;
  };
  const pipeline = only(
    only(top, 'SpansetPipelineExpression'),
    'SpansetPipeline',
  );
  const filter = only(pipeline, 'SpansetFilter');
  return only(filter, 'FieldExpression');
}

/** A TraceQL string literal. */
export function quoteTraceqlString(value: string): string {
  return `"${value
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\n/g, '\\n')}"`;
}

/**
 * The TraceQL query of `condition` restricted to `serviceName`, or an InputError naming the
 * problem. An empty condition selects every trace of the service.
 */
export function composeTraceQuery(
  serviceName: string,
  condition: string,
): string {
  const service = `resource.service.name = ${quoteTraceqlString(serviceName)}`;
  const q = condition.trim();
  if (q === '') {
    return `{ ${service} }`;
  }
  if (q.length > MAX_CONDITION_LENGTH) {
    throw new InputError(`q is longer than ${MAX_CONDITION_LENGTH} characters`);
  }
  const wrapped = `{ ${q} }`;
  const top = parser.parse(wrapped).topNode;
  const error = findNode(top, n => n.type.isError);
  if (error) {
    const column = Math.min(q.length, Math.max(1, error.from - 1));
    throw new InputError(
      `q is not a TraceQL condition: syntax error at column ${column} near "${
        wrapped.slice(error.from, error.from + 20) || 'end'
      }"`,
    );
  }
  const refused = findNode(top, n => n.name in REFUSED_NODES);
  if (refused) {
    throw new InputError(`q may not contain ${REFUSED_NODES[refused.name]}`);
  }
  const fieldExpression = singleFilterCondition(top);
  if (
    !fieldExpression ||
    fieldExpression.from !== 2 ||
    fieldExpression.to !== 2 + q.length
  ) {
    throw new InputError(
      'q must be a single span condition such as .http.status_code >= 500 && duration > 1s: spanset operators (||, &&, >>, ~), pipelines (|) and hints are not allowed',
    );
  }
  const query = `{ ${service} && (${q}) }`;
  const composed = singleFilterCondition(parser.parse(query).topNode);
  const parts = composed ? children(composed).map(n => n.name) : [];
  if (parts.join(' ') !== 'FieldExpression And FieldExpression') {
    // Unreachable when the checks above hold; kept so a parser change cannot widen the scope.
    throw new InputError('q could not be combined with the entity’s service');
  }
  return query;
}
