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
 * The current figures of every SLO of the entity in one selector: the error ratio of every
 * recorded window and the budget left, and with `withAlerts` the entity's `ALERTS` and
 * `ALERTS_FOR_STATE` samples (when Prometheus is the alert source).
 */
export function entityFiguresQuery(
  entityRef: string,
  options: { withAlerts?: boolean } = {},
): string {
  const metrics = [SLO_ERROR_RATIO, SLO_ERROR_BUDGET_REMAINING];
  const names = formatLabelMatcher({
    name: '__name__',
    op: '=~',
    value: [
      regexAlternation(metrics),
      ...(options.withAlerts ? ['ALERTS|ALERTS_FOR_STATE'] : []),
    ].join('|'),
  });
  return `{${names}, ${entityMatcher(entityRef)}}`;
}

/**
 * The chart series of every SLO of the entity in one range query: the budget left and the error
 * ratio over `window` (told apart by `__name__`, which `or` keeps).
 */
export function entitySeriesQuery(entityRef: string, window: string): string {
  const windowMatcher = formatLabelMatcher({
    name: 'window',
    op: '=',
    value: window,
  });
  return (
    `${SLO_ERROR_BUDGET_REMAINING}{${entityMatcher(entityRef)}}` +
    ` or ${SLO_ERROR_RATIO}{${entityMatcher(entityRef)}, ${windowMatcher}}`
  );
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
