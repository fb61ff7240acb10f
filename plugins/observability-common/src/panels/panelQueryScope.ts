/*
 * Scope confinement of panel queries: a PromQL query may only read the series of its entity.
 * Every vector selector (those inside range selectors, subqueries, `offset`, `@`, `or` and
 * `absent(...)` included) must carry the equality matcher `backstage_entity="<ref>"` exactly once,
 * and no function may write the `backstage_entity` label. Checked on the lezer-promql tree, not
 * on the text.
 */
import type { SyntaxNode } from '@lezer/common';
import { ENTITY_LABEL } from '../annotations/annotations';
import { formatLabelMatcher } from '../promql/formatVectorSelector';
import { parsePromqlExpression, childNodes } from '../promql/promqlTree';
import { unquotePromqlString } from '../promql/stringLiteral';
import { vectorSelectorFromNode } from '../promql/vectorSelector';
import { describeValue } from '../validation/describeValue';
import { Parsed, invalid, valid } from '../validation/result';

/** Functions whose string argument at `index` names a label they write. */
const LABEL_WRITERS: Record<string, number> = {
  label_replace: 1,
  label_join: 1,
  count_values: 0,
};

function entityMatcher(entityRef: string): string {
  return formatLabelMatcher({ name: ENTITY_LABEL, op: '=', value: entityRef });
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

function selectorReason(
  node: SyntaxNode,
  query: string,
  entityRef: string,
): string | undefined {
  const text = query.slice(node.from, node.to);
  const where = `selector ${text} (column ${node.from + 1})`;
  const selector = vectorSelectorFromNode(node, query);
  if (!selector.ok) {
    return `${where}: ${selector.message}`;
  }
  const wanted = entityMatcher(entityRef);
  const entity = selector.value.matchers.filter(m => m.name === ENTITY_LABEL);
  if (entity.length === 0) {
    return `${where} has no ${ENTITY_LABEL} matcher, so it reads every entity's series; add ${wanted}`;
  }
  if (entity.length > 1) {
    return `${where} gives ${ENTITY_LABEL} ${entity.length} times; give it once, as ${wanted}`;
  }
  const [matcher] = entity;
  if (matcher.op !== '=') {
    return `${where} matches ${ENTITY_LABEL} with ${matcher.op}; only the equality ${wanted} keeps it on this entity's series`;
  }
  if (matcher.value !== entityRef) {
    return `${where} names another entity (${describeValue(
      matcher.value,
    )}); panel queries may only read ${entityRef}`;
  }
  return undefined;
}

function labelWriterReason(
  node: SyntaxNode,
  query: string,
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
  if (label.ok && label.value === ENTITY_LABEL) {
    return `${fn} (column ${
      node.from + 1
    }) writes the ${ENTITY_LABEL} label, which would present this entity's series as another's`;
  }
  return undefined;
}

/**
 * Whether `query` reads only the series of `entityRef`: the query itself, or a message listing
 * every selector or function that could reach (or pose as) another entity's series.
 * @public
 */
export function checkPanelQueryScope(
  query: string,
  entityRef: string,
): Parsed<string> {
  const parsed = parsePromqlExpression(query);
  if (!parsed.ok) {
    return invalid(`${describeValue(query)} ${parsed.message}`);
  }
  const top = parsed.tree.topNode;
  const reasons: string[] = [];
  for (const node of nodesNamed(top, [
    'VectorSelector',
    'FunctionCall',
    'AggregateExpr',
  ])) {
    const reason =
      node.name === 'VectorSelector'
        ? selectorReason(node, query, entityRef)
        : labelWriterReason(node, query);
    if (reason) {
      reasons.push(reason);
    }
  }
  return reasons.length === 0 ? valid(query) : invalid(reasons.join('; '));
}

/**
 * `query` with `backstage_entity="<ref>"` added to every vector selector that has no
 * `backstage_entity` matcher of its own: how queries written for an unscoped proxy (Roadie's
 * `prometheus.io/rule`) are confined to the entity. Selectors that do name the label are left as
 * they are, for {@link checkPanelQueryScope} to judge. Unparsable text is returned unchanged.
 * @public
 */
export function scopeQueryToEntity(query: string, entityRef: string): string {
  const parsed = parsePromqlExpression(query);
  if (!parsed.ok) {
    return query;
  }
  const wanted = entityMatcher(entityRef);
  const edits: Array<{ at: number; text: string }> = [];
  for (const node of nodesNamed(parsed.tree.topNode, ['VectorSelector'])) {
    const selector = vectorSelectorFromNode(node, query);
    if (
      selector.ok &&
      selector.value.matchers.some(m => m.name === ENTITY_LABEL)
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
