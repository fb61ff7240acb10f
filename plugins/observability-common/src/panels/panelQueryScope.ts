/*
 * Scope confinement of panel queries: a PromQL query may only read the series of its entity.
 * Every vector selector (those inside range selectors, subqueries, `offset`, `@`, `or` and
 * `absent(...)` included) must carry the equality matcher `backstage_entity="<ref>"` exactly once
 * — or, for an entity whose series carry no `backstage_entity` (`lookout.dev/metrics-selector`),
 * each of the selector's equalities and `backstage_entity=""` exactly once, so that whatever the
 * selector names it never reaches the series Lookout scrapes (other entities') — and no function
 * may write a label of the scope. Checked on the lezer-promql tree, not on the text.
 */
import type { SyntaxNode } from '@lezer/common';
import { ENTITY_LABEL } from '../annotations/annotations';
import { formatLabelMatcher } from '../promql/formatVectorSelector';
import { parsePromqlExpression, childNodes } from '../promql/promqlTree';
import { unquotePromqlString } from '../promql/stringLiteral';
import { vectorSelectorFromNode } from '../promql/vectorSelector';
import { describeValue } from '../validation/describeValue';
import { LabelMatcher } from '../spec/types';
import { Parsed, invalid, valid } from '../validation/result';

/** Functions whose string argument at `index` names a label they write. */
const LABEL_WRITERS: Record<string, number> = {
  label_replace: 1,
  label_join: 1,
  count_values: 0,
};

/**
 * The matchers that confine a query to the entity: `backstage_entity="<ref>"`, or, when given
 * `selector` (its `lookout.dev/metrics-selector`), the selector's matchers and
 * `backstage_entity=""`: the series without the label, never those Lookout scrapes.
 * @public
 */
export function entityScopeMatchers(
  entityRef: string,
  selector?: readonly LabelMatcher[],
): LabelMatcher[] {
  return selector && selector.length > 0
    ? [...selector, { name: ENTITY_LABEL, op: '=', value: '' }]
    : [{ name: ENTITY_LABEL, op: '=', value: entityRef }];
}

function nodesNamed(top: SyntaxNode, names: readonly string[]): SyntaxNode[] {
  const found: SyntaxNode[] = [];
  const cursor = top.cursor();
  do {
    if (names.includes(cursor.name)) {
      found.push(cursor.node);
    }
  } while (cursor.next() && cursor.from <= top.to);
  return found.filter(node => node.from >= top.from && node.to <= top.to);
}

function matcherReason(
  where: string,
  found: LabelMatcher[],
  wanted: LabelMatcher,
  entityRef: string,
): string | undefined {
  const text = formatLabelMatcher(wanted);
  const label = wanted.name;
  // backstage_entity="" under a metrics-selector: the series Lookout does not scrape.
  const entity = label === ENTITY_LABEL && wanted.value !== '';
  if (found.length === 0) {
    if (label === ENTITY_LABEL) {
      return entity
        ? `${where} has no ${label} matcher, so it reads every entity's series; add ${text}`
        : `${where} has no ${label} matcher, so it also reads the series Lookout scrapes, every entity's; add ${text}`;
    }
    return `${where} has no ${label} matcher, so it reads series outside the entity's selector; add ${text}`;
  }
  if (found.length > 1) {
    return `${where} gives ${label} ${found.length} times; give it once, as ${text}`;
  }
  const [matcher] = found;
  if (matcher.op !== '=') {
    return `${where} matches ${label} with ${matcher.op}; only the equality ${text} keeps it on this entity's series`;
  }
  if (matcher.value !== wanted.value) {
    return entity
      ? `${where} names another entity (${describeValue(
          matcher.value,
        )}); panel queries may only read ${entityRef}`
      : `${where} selects ${label}=${JSON.stringify(
          matcher.value,
        )}, outside the entity's series; panel queries of ${entityRef} may only read ${text}`;
  }
  return undefined;
}

function selectorReason(
  node: SyntaxNode,
  query: string,
  entityRef: string,
  scope: LabelMatcher[],
): string | undefined {
  const text = query.slice(node.from, node.to);
  const where = `selector ${text} (column ${node.from + 1})`;
  const selector = vectorSelectorFromNode(node, query);
  if (!selector.ok) {
    return `${where}: ${selector.message}`;
  }
  const reasons = scope
    .map(wanted =>
      matcherReason(
        where,
        selector.value.matchers.filter(m => m.name === wanted.name),
        wanted,
        entityRef,
      ),
    )
    .filter((reason): reason is string => reason !== undefined);
  return reasons.length > 0 ? reasons.join('; ') : undefined;
}

function labelWriterReason(
  node: SyntaxNode,
  query: string,
  scopeLabels: readonly string[],
): string | undefined {
  const name =
    node.getChild('FunctionIdentifier') ?? node.getChild('AggregateOp');
  const fn = name ? query.slice(name.from, name.to) : '';
  const index = LABEL_WRITERS[fn];
  if (index === undefined) {
    return undefined;
  }
  const args = childNodes(node.getChild('FunctionCallBody') ?? node).filter(
    child => child.name !== '(' && child.name !== ')' && child.name !== ',',
  );
  const labelArg = args[index];
  if (labelArg?.name !== 'StringLiteral') {
    return undefined;
  }
  const label = unquotePromqlString(query.slice(labelArg.from, labelArg.to));
  if (label.ok && scopeLabels.includes(label.value)) {
    return `${fn} (column ${node.from + 1}) writes the ${
      label.value
    } label, which would present this entity's series as another's`;
  }
  return undefined;
}

/**
 * Whether `query` reads only the series of `entityRef` (those of `selector`, its
 * `lookout.dev/metrics-selector`, when given; see {@link entityScopeMatchers}): the query itself,
 * or a message listing every
 * selector or function that could reach (or pose as) another entity's series.
 * @public
 */
export function checkPanelQueryScope(
  query: string,
  entityRef: string,
  selector?: readonly LabelMatcher[],
): Parsed<string> {
  const parsed = parsePromqlExpression(query);
  if (!parsed.ok) {
    return invalid(`${describeValue(query)} ${parsed.message}`);
  }
  const top = parsed.tree.topNode;
  const scope = entityScopeMatchers(entityRef, selector);
  const reasons: string[] = [];
  for (const node of nodesNamed(top, [
    'VectorSelector',
    'FunctionCall',
    'AggregateExpr',
  ])) {
    const reason =
      node.name === 'VectorSelector'
        ? selectorReason(node, query, entityRef, scope)
        : labelWriterReason(
            node,
            query,
            scope.map(m => m.name),
          );
    if (reason) {
      reasons.push(reason);
    }
  }
  return reasons.length === 0 ? valid(query) : invalid(reasons.join('; '));
}

/**
 * `query` with `backstage_entity="<ref>"` (or the matchers of `selector`, the entity's
 * `lookout.dev/metrics-selector`, and `backstage_entity=""`; see {@link entityScopeMatchers})
 * added to every vector selector that names none of the scope's
 * labels: how queries written for an unscoped proxy (Roadie's `prometheus.io/rule`) are confined
 * to the entity. Selectors that do name one are left as they are, for
 * {@link checkPanelQueryScope} to judge. Unparsable text is returned unchanged.
 * @public
 */
export function scopeQueryToEntity(
  query: string,
  entityRef: string,
  selector?: readonly LabelMatcher[],
): string {
  const parsed = parsePromqlExpression(query);
  if (!parsed.ok) {
    return query;
  }
  const scope = entityScopeMatchers(entityRef, selector);
  const wanted = scope.map(formatLabelMatcher).join(', ');
  const edits: Array<{ at: number; text: string }> = [];
  for (const node of nodesNamed(parsed.tree.topNode, ['VectorSelector'])) {
    const found = vectorSelectorFromNode(node, query);
    if (
      found.ok &&
      found.value.matchers.some(m => scope.some(w => w.name === m.name))
    ) {
      continue;
    }
    const braces = node.getChild('LabelMatchers');
    if (!braces) {
      edits.push({ at: node.to, text: `{${wanted}}` });
    } else {
      const empty = query.slice(braces.from + 1, braces.to - 1).trim() === '';
      edits.push({ at: braces.from + 1, text: empty ? wanted : `${wanted}, ` });
    }
  }
  let out = query;
  for (const edit of edits.sort((a, b) => b.at - a.at)) {
    out = out.slice(0, edit.at) + edit.text + out.slice(edit.at);
  }
  return out;
}
