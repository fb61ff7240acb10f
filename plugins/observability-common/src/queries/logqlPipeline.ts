/*
 * The Logs tab's filter is a LogQL pipeline appended to the entity's stream selector. It is
 * parsed together with the selector (@grafana/lezer-logql) and only accepted when the whole
 * query is that selector followed by pipeline stages, so a filter can narrow the entity's logs
 * but never reach another stream (`} or {app="x"}`, a second selector, a metric query). One rule
 * for the browser (checked as the user types) and the backend (checked before Loki is asked).
 *
 * Allowed stages: line filters (`|=`, `!=`, `|~`, `!~`, `|>`, `!>`, with `or`), parsers
 * (`json`, `logfmt`, `regexp`, `pattern`, `unpack`), label filters, `line_format`, `decolorize`,
 * `drop`, `keep`, and `label_format` as long as it does not write a label of the entity's
 * selector: that would make lines look as if they came from another stream. Comments are
 * refused too: nothing needs them in a filter box, and they make the query's extent harder to
 * see.
 */
import { parser } from '@grafana/lezer-logql';
import type { SyntaxNode } from '@lezer/common';
import { childrenOf, findAllNamed, findFirst } from './syntaxTree';
import { ComposedQuery, QueryValidation } from './queryValidation';
import { TypedFragment } from './typedFragment';

/** Longest filter accepted. @public */
export const MAX_LOG_FILTER_LENGTH = 2000;

/** Stands in for the entity's selector where it is not known (the browser). */
const PLACEHOLDER_SELECTOR = '{__lookout_entity__="x"}';

const LOG_FILTER = {
  name: 'filter',
  language: 'LogQL pipeline',
  maxLength: MAX_LOG_FILTER_LENGTH,
};

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

/** The selector and pipeline when `top` is exactly one log query; undefined otherwise. */
function logQueryParts(
  top: SyntaxNode,
): { selector: SyntaxNode; pipeline?: SyntaxNode } | undefined {
  const [expr, ...extra] = childrenOf(top);
  if (!expr || extra.length || expr.name !== 'Expr') return undefined;
  const [logExpr, ...more] = childrenOf(expr);
  if (!logExpr || more.length || logExpr.name !== 'LogExpr') return undefined;
  const [selector, pipeline, ...rest] = childrenOf(logExpr);
  if (selector?.name !== 'Selector' || rest.length) return undefined;
  if (pipeline && pipeline.name !== 'PipelineExpr') return undefined;
  return { selector, pipeline };
}

function stagesOf(pipeline: SyntaxNode): SyntaxNode[] {
  return childrenOf(pipeline).flatMap(child =>
    child.name === 'PipelineExpr' ? stagesOf(child) : [child],
  );
}

/** Label names the selector matches on: the labels that define the entity's scope. */
function selectorLabels(selector: SyntaxNode, query: string): Set<string> {
  return new Set(
    findAllNamed(selector, 'Matcher').flatMap(matcher => {
      const identifier = matcher.getChild('Identifier');
      return identifier ? [query.slice(identifier.from, identifier.to)] : [];
    }),
  );
}

/**
 * The query of `filter` appended to `selector` (the entity's own stream selector, validated by
 * the annotation parser), or the first problem, positioned in `filter` as typed.
 * @public
 */
export function composeLogQuery(
  selector: string,
  filter: string,
): ComposedQuery {
  const offset = selector.length + 1;
  const fragment = new TypedFragment(filter, LOG_FILTER, offset);
  const tooLong = fragment.tooLong();
  if (tooLong) {
    return tooLong;
  }
  const stages = fragment.text;
  const query = stages ? `${selector} ${stages}` : selector;
  const top = parser.parse(query).topNode;

  const error = findFirst(top, n => n.type.isError);
  if (error) {
    if (error.from < selector.length) {
      return fragment.at(
        offset,
        `the entity's log selector ${selector} is not a LogQL stream selector (lookout.dev/logs-selector)`,
      );
    }
    const column = Math.max(1, error.from - offset + 1);
    if (error.from >= query.length) {
      return fragment.incomplete(fragment.at(error.from, '').position);
    }
    const near = query.slice(error.from, error.from + 20) || 'end of filter';
    return fragment.syntaxError(error.from, column, near);
  }
  const comment = findFirst(top, n => n.name === 'LineComment');
  if (comment) {
    return fragment.at(comment.from, 'filter may not contain comments (#)');
  }
  const parts = logQueryParts(top);
  if (!parts) {
    return fragment.at(
      offset,
      'filter must be pipeline stages only (e.g. |= "timeout" | json | level="error"): metric queries, binary operators and further stream selectors are not allowed',
    );
  }
  if (parts.selector.from !== 0 || parts.selector.to !== selector.length) {
    return fragment.at(
      offset,
      'filter must start with a pipeline stage (|=, !=, |~, !~ or | <stage>), not extend the stream selector',
    );
  }
  if (!parts.pipeline) {
    return { valid: true, query };
  }
  const scope = selectorLabels(parts.selector, query);
  for (const stage of stagesOf(parts.pipeline)) {
    for (const node of childrenOf(stage).filter(n => n.name !== 'Pipe')) {
      if (!ALLOWED_STAGES.has(node.name)) {
        return fragment.at(
          stage.from,
          `filter stage "${query.slice(
            stage.from,
            stage.to,
          )}" is not allowed in a log filter`,
        );
      }
      if (node.name === 'LabelFormatExpr') {
        const rewritten = findAllNamed(node, 'LabelFormatMatcher')
          .map(matcher => matcher.getChild('Identifier'))
          .map(id => (id ? query.slice(id.from, id.to) : ''))
          .filter(name => scope.has(name));
        if (rewritten.length) {
          return fragment.at(
            node.from,
            `filter: label_format may not rewrite ${rewritten.join(
              ', ',
            )}, a label of the entity's stream selector`,
          );
        }
      }
    }
  }
  return { valid: true, query };
}

/**
 * Whether `filter` is an acceptable log filter for `selector`; without a selector (the browser,
 * which does not know it), against a stand-in, so only the entity's own labels in `label_format`
 * are left for the backend to refuse.
 * @public
 */
export function validateLogqlPipeline(
  filter: string,
  selector: string = PLACEHOLDER_SELECTOR,
): QueryValidation {
  const composed = composeLogQuery(selector, filter);
  return composed.valid ? { valid: true } : composed;
}
