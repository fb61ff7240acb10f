/*
 * The PromQL of the SLO routes. Each query selects every SLO of one entity (or of a page of
 * entities) at once with the `backstage_entity` matcher, so the number of queries does not grow
 * with the number of SLOs.
 */
import {
  ENTITY_LABEL,
  formatLabelMatcher,
} from '@lookout/plugin-observability-common';
import {
  ALERT_ERROR_BUDGET_BURN,
  SLO_ERROR_BUDGET_REMAINING,
  SLO_ERROR_RATIO,
} from '@lookout/plugin-observability-node';

/** `a|b` for a regex matcher; every RE2 metacharacter of the values escaped. */
export function regexAlternation(values: readonly string[]): string {
  return values.map(v => v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
}

function entityMatcher(entityRef: string): string {
  return formatLabelMatcher({ name: ENTITY_LABEL, op: '=', value: entityRef });
}

/**
 * The current figures of every SLO of the entity: the error ratio of every recorded window and
 * the budget left, in one selector.
 */
export function entityFiguresQuery(entityRef: string): string {
  const names = formatLabelMatcher({
    name: '__name__',
    op: '=~',
    value: regexAlternation([SLO_ERROR_RATIO, SLO_ERROR_BUDGET_REMAINING]),
  });
  return `{${names}, ${entityMatcher(entityRef)}}`;
}

/** The budget left of every SLO of the entity (a range query). */
export function entityBudgetSeriesQuery(entityRef: string): string {
  return `${SLO_ERROR_BUDGET_REMAINING}{${entityMatcher(entityRef)}}`;
}

/** The error ratio over `window` of every SLO of the entity (a range query). */
export function entityErrorRatioSeriesQuery(
  entityRef: string,
  window: string,
): string {
  const windowMatcher = formatLabelMatcher({
    name: 'window',
    op: '=',
    value: window,
  });
  return `${SLO_ERROR_RATIO}{${entityMatcher(entityRef)}, ${windowMatcher}}`;
}

/** The alerts of an entity as Prometheus records them: state (`ALERTS`) and start (`ALERTS_FOR_STATE`). */
export function entityAlertsQuery(entityRef: string): string {
  const names = formatLabelMatcher({
    name: '__name__',
    op: '=~',
    value: 'ALERTS|ALERTS_FOR_STATE',
  });
  return `{${names}, ${entityMatcher(entityRef)}}`;
}

/**
 * The figures of the SLOs of many entities in one query: the error ratio over each SLO's own
 * window, the budget left and the firing burn alerts.
 */
export function summaryQuery(
  entityRefs: readonly string[],
  windows: readonly string[],
): string {
  const entities = formatLabelMatcher({
    name: ENTITY_LABEL,
    op: '=~',
    value: regexAlternation(entityRefs),
  });
  const windowMatcher = formatLabelMatcher({
    name: 'window',
    op: '=~',
    value: regexAlternation(windows),
  });
  return [
    `${SLO_ERROR_RATIO}{${entities}, ${windowMatcher}}`,
    `${SLO_ERROR_BUDGET_REMAINING}{${entities}}`,
    `ALERTS{${entities}, ${formatLabelMatcher({
      name: 'alertname',
      op: '=',
      value: ALERT_ERROR_BUDGET_BURN,
    })}, alertstate="firing"}`,
  ].join(' or ');
}
