/*
 * Which recording rules of a rule set need history, and in which order to backfill them.
 *
 * `promtool tsdb create-blocks-from rules` evaluates rules against a running Prometheus and
 * cannot see what it writes in the same run, so rules reading other recording rules are
 * backfilled in levels, the Prometheus reloaded in between. A record needs history when some
 * rule reads it over a range (`x[30d]`, a subquery); its own inputs then need it too.
 *
 * Part of the rules benchmark (`yarn bench:rules`, see docs/benchmarks.md).
 */
import { parser } from '@prometheus-io/lezer-promql';
import {
  PrometheusRule,
  PrometheusRuleGroup,
} from '@lookout/plugin-observability-node';

/** A metric name an expression selects, and whether it reads it over a range. */
export interface SelectedMetric {
  name: string;
  overRange: boolean;
}

/** The metric names `expr` selects (selectors without a metric name are left out). */
export function selectedMetrics(expr: string): SelectedMetric[] {
  const tree = parser.parse(expr);
  const out: SelectedMetric[] = [];
  tree.iterate({
    enter: ref => {
      if (ref.type.isError) {
        throw new SyntaxError(
          `not valid PromQL at column ${ref.from + 1}: ${expr}`,
        );
      }
      if (ref.name !== 'VectorSelector') {
        return undefined;
      }
      const identifier = ref.node.getChild('Identifier');
      if (identifier) {
        let overRange = false;
        for (let parent = ref.node.parent; parent; parent = parent.parent) {
          if (
            parent.name === 'MatrixSelector' ||
            parent.name === 'SubqueryExpr'
          ) {
            overRange = true;
            break;
          }
        }
        out.push({
          name: expr.slice(identifier.from, identifier.to),
          overRange,
        });
      }
      return false;
    },
  });
  return out;
}

/** The recording rules of `groups`, in file order. */
export function recordingRules(
  groups: PrometheusRuleGroup[],
): PrometheusRule[] {
  return groups.flatMap(group => group.rules.filter(rule => rule.record));
}

/**
 * `rules` in backfill levels: level 0 reads raw series only, level n reads records of lower
 * levels. Every rule a selected rule reads from is included. Throws on a cycle.
 */
export function backfillLevels(
  all: PrometheusRule[],
  selected: PrometheusRule[],
): PrometheusRule[][] {
  const byRecord = new Map<string, PrometheusRule[]>();
  for (const rule of all) {
    const list = byRecord.get(rule.record!) ?? [];
    list.push(rule);
    byRecord.set(rule.record!, list);
  }
  const level = new Map<PrometheusRule, number>();
  const visiting = new Set<PrometheusRule>();
  const levelOf = (rule: PrometheusRule): number => {
    const known = level.get(rule);
    if (known !== undefined) {
      return known;
    }
    if (visiting.has(rule)) {
      throw new Error(
        `recording rules read each other in a cycle: ${rule.record}`,
      );
    }
    visiting.add(rule);
    let value = 0;
    for (const metric of selectedMetrics(rule.expr)) {
      for (const dependency of byRecord.get(metric.name) ?? []) {
        value = Math.max(value, levelOf(dependency) + 1);
      }
    }
    visiting.delete(rule);
    level.set(rule, value);
    return value;
  };
  selected.forEach(levelOf);
  const levels: PrometheusRule[][] = [];
  for (const [rule, value] of level) {
    (levels[value] ??= []).push(rule);
  }
  return levels.map(rules => rules ?? []);
}

/** The recording rules of `groups` whose output some rule reads over a range. */
export function rulesReadOverRanges(
  groups: PrometheusRuleGroup[],
): PrometheusRule[] {
  const rangeRead = new Set<string>();
  for (const group of groups) {
    for (const rule of group.rules) {
      for (const metric of selectedMetrics(rule.expr)) {
        if (metric.overRange) {
          rangeRead.add(metric.name);
        }
      }
    }
  }
  return recordingRules(groups).filter(rule => rangeRead.has(rule.record!));
}
