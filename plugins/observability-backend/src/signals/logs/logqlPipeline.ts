/*
 * The user's log filter is a LogQL pipeline appended to the entity's stream selector. It is
 * parsed together with the selector (@grafana/lezer-logql) and only accepted when the whole
 * query is that selector followed by pipeline stages, so a filter can narrow the entity's logs
 * but never reach another stream (`} or {app="x"}`, a second selector, a metric query).
 *
 * Allowed stages: line filters (`|=`, `!=`, `|~`, `!~`, `|>`, `!>`, with `or`), parsers
 * (`json`, `logfmt`, `regexp`, `pattern`, `unpack`), label filters, `line_format`, `decolorize`,
 * `drop`, `keep`, and `label_format` as long as it does not write a label of the entity's
 * selector: that would make lines look as if they came from another stream. Comments are
 * refused too: nothing needs them in a filter box, and they make the query's extent harder to
 * see.
 */
import { InputError } from '@backstage/errors';
import { parser } from '@grafana/lezer-logql';

type SyntaxNode = ReturnType<typeof parser.parse>['topNode'];

/** Longest filter accepted. */
export const MAX_FILTER_LENGTH = 2000;

const ALLOWED_STAGES = new Set([
  'LineFilters',
  'LabelParser',
  'LogfmtParser',
  'JsonExpressionParser',
  'LogfmtExpressionParser',
  'LabelFilter',
  'LineFormatExpr',
  'LabelFormatExpr',
  'DecolorizeExpr',
  'DropLabelsExpr',
  'KeepLabelsExpr',
]);

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
  if (test(node)) {
    return node;
  }
  for (const child of children(node)) {
    const found = findNode(child, test);
    if (found) {
      return found;
    }
  }
  return undefined;
}

/** The `Selector` node when `tree` is exactly one log query; undefined otherwise. */
function logQueryParts(
  top: SyntaxNode,
): { selector: SyntaxNode; pipeline?: SyntaxNode } | undefined {
  const [expr, ...extra] = children(top);
  if (!expr || extra.length || expr.name !== 'Expr') return undefined;
  const [logExpr, ...more] = children(expr);
  if (!logExpr || more.length || logExpr.name !== 'LogExpr') return undefined;
  const [selector, pipeline, ...rest] = children(logExpr);
  if (selector?.name !== 'Selector' || rest.length) return undefined;
  if (pipeline && pipeline.name !== 'PipelineExpr') return undefined;
  return { selector, pipeline };
}

function stagesOf(pipeline: SyntaxNode): SyntaxNode[] {
  return children(pipeline).flatMap(child =>
    child.name === 'PipelineExpr' ? stagesOf(child) : [child],
  );
}

/** Label names the selector matches on: the labels that define the entity's scope. */
function selectorLabels(selector: SyntaxNode, query: string): Set<string> {
  const names = new Set<string>();
  const visit = (node: SyntaxNode) => {
    if (node.name === 'Matcher') {
      const identifier = node.getChild('Identifier');
      if (identifier) {
        names.add(query.slice(identifier.from, identifier.to));
      }
    }
    children(node).forEach(visit);
  };
  visit(selector);
  return names;
}

/**
 * The query for `filter` applied to `selector`, or an InputError naming the problem. `selector`
 * is the entity's own stream selector (already validated by the annotation parser).
 */
export function composeLogQuery(selector: string, filter: string): string {
  const stages = filter.trim();
  if (stages.length > MAX_FILTER_LENGTH) {
    throw new InputError(
      `filter is longer than ${MAX_FILTER_LENGTH} characters`,
    );
  }
  const query = stages ? `${selector} ${stages}` : selector;
  const offset = selector.length + 1;
  const tree = parser.parse(query);
  const top = tree.topNode;

  const error = findNode(top, n => n.type.isError);
  if (error) {
    if (error.from < selector.length) {
      throw new InputError(
        `the entity's log selector ${selector} is not a LogQL stream selector (lookout.dev/logs-selector)`,
      );
    }
    const column = Math.max(1, error.from - offset + 1);
    const near = query.slice(error.from, error.from + 20) || 'end of filter';
    throw new InputError(
      `filter is not a LogQL pipeline: syntax error at column ${column} near "${near}"`,
    );
  }
  if (findNode(top, n => n.name === 'LineComment')) {
    throw new InputError('filter may not contain comments (#)');
  }
  const parts = logQueryParts(top);
  if (!parts) {
    throw new InputError(
      'filter must be pipeline stages only (e.g. |= "timeout" | json | level="error"): metric queries, binary operators and further stream selectors are not allowed',
    );
  }
  if (parts.selector.from !== 0 || parts.selector.to !== selector.length) {
    throw new InputError(
      'filter must start with a pipeline stage (|=, !=, |~, !~ or | <stage>), not extend the stream selector',
    );
  }
  if (!parts.pipeline) {
    return query;
  }
  const scope = selectorLabels(parts.selector, query);
  for (const stage of stagesOf(parts.pipeline)) {
    const body = children(stage).filter(n => n.name !== 'Pipe');
    for (const node of body) {
      if (!ALLOWED_STAGES.has(node.name)) {
        throw new InputError(
          `filter stage "${query.slice(
            stage.from,
            stage.to,
          )}" is not allowed in a log filter`,
        );
      }
      if (node.name === 'LabelFormatExpr') {
        checkLabelFormat(node, query, scope);
      }
    }
  }
  return query;
}

function checkLabelFormat(node: SyntaxNode, query: string, scope: Set<string>) {
  const targets = findAll(node, 'LabelFormatMatcher').map(matcher => {
    const identifier = matcher.getChild('Identifier');
    return identifier ? query.slice(identifier.from, identifier.to) : '';
  });
  const rewritten = targets.filter(name => scope.has(name));
  if (rewritten.length) {
    throw new InputError(
      `filter: label_format may not rewrite ${rewritten.join(
        ', ',
      )}, a label of the entity's stream selector`,
    );
  }
}

function findAll(node: SyntaxNode, name: string): SyntaxNode[] {
  const found: SyntaxNode[] = [];
  const visit = (n: SyntaxNode) => {
    if (n.name === name) {
      found.push(n);
    }
    children(n).forEach(visit);
  };
  visit(node);
  return found;
}
