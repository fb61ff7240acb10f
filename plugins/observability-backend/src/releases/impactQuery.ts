/*
 * The PromQL of release impact: the error ratio of every SLO of an entity over a span ending at a
 * given instant, from the recorded 5-minute sums (never the raw counters). Many instants go into
 * one query: each term is pinned with the `@` modifier and tagged with a `lookout_point` label
 * (which `or` keeps apart), so a page of releases costs one or a few upstream queries whatever
 * the number of SLOs.
 */
import {
  ENTITY_LABEL,
  formatLabelMatcher,
  formatPrometheusDuration,
  quotePromqlString,
} from '@lookout/plugin-observability-common';
import {
  SLO_ERRORS_SUM,
  SLO_LABEL,
  SLO_TOTAL_SUM,
} from '@lookout/plugin-observability-node';
import { errorBudget } from '../signals/slos/sloStatus';

/** Label telling the terms of an impact query apart. */
export const POINT_LABEL = 'lookout_point';

/** One instant of an impact query: the span `[end − spanMs, end]`. */
export interface ImpactPoint {
  /** Epoch ms; a multiple of 1000 is not required (the `@` takes fractional seconds). */
  end: number;
  spanMs: number;
}

/**
 * `sum(errors sums over span) / sum(total sums over span)` per SLO at `point.end`, 0/0 left out
 * (a span without traffic has no ratio).
 */
export function impactTerm(
  entityRef: string,
  point: ImpactPoint,
  tag: string,
): string {
  const selector = `{${formatLabelMatcher({
    name: ENTITY_LABEL,
    op: '=',
    value: entityRef,
  })}}`;
  const range = `[${formatPrometheusDuration(point.spanMs)}] @ ${(
    point.end / 1000
  ).toFixed(3)}`;
  const sum = (metric: string) =>
    `sum by (${SLO_LABEL}) (sum_over_time(${metric}${selector}${range}))`;
  return `label_replace(${sum(SLO_ERRORS_SUM)} / (${sum(
    SLO_TOTAL_SUM,
  )} > 0), ${quotePromqlString(POINT_LABEL)}, ${quotePromqlString(
    tag,
  )}, "", "")`;
}

/** One query for many points, tagged `firstTag`, `firstTag + 1`, ... in order. */
export function impactQuery(
  entityRef: string,
  points: ImpactPoint[],
  firstTag = 0,
): string {
  return points
    .map((point, index) =>
      impactTerm(entityRef, point, String(firstTag + index)),
    )
    .join(' or ');
}

/**
 * Share of the SLO window's error budget spent over a span at an error ratio: the burn rate
 * (`ratio / (1 − objective)`) times the span's share of the window.
 */
export function budgetConsumed(
  errorRatio: number,
  objectivePercent: number,
  spanMs: number,
  windowMs: number,
): number {
  return (errorRatio / errorBudget(objectivePercent)) * (spanMs / windowMs);
}
