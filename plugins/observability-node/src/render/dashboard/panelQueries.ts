/*
 * The PromQL behind the generated dashboard's panels: the recorded SLO series (DESIGN §4
 * "Series and alerts") and the RED queries over the preset metric names, every one scoped to the
 * entity with the `backstage_entity` matcher.
 */
import {
  ENTITY_LABEL,
  formatVectorSelector,
  LabelMatcher,
  SloPresetConfig,
} from '@lookout/plugin-observability-common';

/** A PromQL expression with its legend. @public */
export interface PanelQuery {
  expr: string;
  legend: string;
}

function selector(metric: string, matchers: LabelMatcher[]): string {
  return formatVectorSelector({ metric, matchers });
}

function sloMatchers(entityRef: string, sloName: string): LabelMatcher[] {
  return [
    { name: 'slo', op: '=', value: sloName },
    { name: ENTITY_LABEL, op: '=', value: entityRef },
  ];
}

function windowMatcher(window: string): LabelMatcher {
  return { name: 'window', op: '=', value: window };
}

/** Queries over the recorded series of one SLO. @public */
export interface SloQueries {
  objective: PanelQuery;
  /** `1 - error ratio` over the SLO window. */
  availability: PanelQuery;
  budgetRemaining: PanelQuery;
  /** Error ratio over a window divided by the error budget (`1 - objective`). */
  burnRate(window: string): PanelQuery;
  errorRatio(window: string): PanelQuery;
  /** The error budget as a ratio, `1 - objective`, the line the error ratio must stay under. */
  budget: PanelQuery;
}

/** The queries of an SLO's panels. @public */
export function sloQueries(
  entityRef: string,
  sloName: string,
  sloWindow: string,
): SloQueries {
  const matchers = sloMatchers(entityRef, sloName);
  const objective = selector('slo:objective:ratio', matchers);
  const errorRatio = (window: string) =>
    selector('slo:sli_error:ratio', [...matchers, windowMatcher(window)]);
  return {
    objective: { expr: objective, legend: 'objective' },
    availability: {
      expr: `1 - ${errorRatio(sloWindow)}`,
      legend: `availability (${sloWindow})`,
    },
    budgetRemaining: {
      expr: selector('slo:error_budget_remaining:ratio', matchers),
      legend: 'error budget remaining',
    },
    burnRate: window => ({
      expr: `${errorRatio(
        window,
      )} / on(slo, ${ENTITY_LABEL}) (1 - ${objective})`,
      legend: window,
    }),
    errorRatio: window => ({
      expr: errorRatio(window),
      legend: `error ratio (${window})`,
    }),
    budget: {
      expr: `1 - ${objective}`,
      legend: 'error budget (1 - objective)',
    },
  };
}

/** The RED queries (rate, errors, duration) of an entity's scraped HTTP server metrics. @public */
export interface RedQueries {
  requestRate: PanelQuery;
  /** Requests per second whose status counts as an error. */
  errorRate: PanelQuery;
  errorRatio: PanelQuery;
  durationQuantiles: PanelQuery[];
}

/** Options of {@link redQueries}. @public */
export interface RedQueryOptions {
  /** Range of the rates; default Grafana's `$__rate_interval`. */
  rateInterval?: string;
  /** Latency quantiles; default 0.5, 0.9, 0.99. */
  quantiles?: number[];
  /**
   * Matchers of the entity's series on every selector; default `backstage_entity="<ref>"`
   * (the entity's `lookout.dev/metrics-selector` when its series carry no such label).
   */
  scope?: LabelMatcher[];
}

/** The RED queries over the preset metric names, scoped to the entity. @public */
export function redQueries(
  entityRef: string,
  presets: SloPresetConfig,
  options: RedQueryOptions = {},
): RedQueries {
  const rateInterval = options.rateInterval ?? '$__rate_interval';
  const entity: LabelMatcher[] = options.scope ?? [
    { name: ENTITY_LABEL, op: '=', value: entityRef },
  ];
  const errors: LabelMatcher = {
    name: presets.statusCodeLabel,
    op: '=~',
    value: presets.errorStatusRegex,
  };
  const histogram = presets.durationHistogram;
  const native = presets.histogramType === 'native';
  // A native histogram has no `_count` series: count its observations instead.
  const requests = (matchers: LabelMatcher[]) =>
    native && presets.requestsMetric === `${histogram}_count`
      ? `sum(histogram_count(rate(${selector(
          histogram,
          matchers,
        )}[${rateInterval}])))`
      : `sum(rate(${selector(
          presets.requestsMetric,
          matchers,
        )}[${rateInterval}]))`;
  const quantile = (q: number): PanelQuery => ({
    expr: native
      ? `histogram_quantile(${q}, sum(rate(${selector(
          histogram,
          entity,
        )}[${rateInterval}])))`
      : `histogram_quantile(${q}, sum by (le) (rate(${selector(
          `${histogram}_bucket`,
          entity,
        )}[${rateInterval}])))`,
    legend: `p${Math.round(q * 100)}`,
  });
  return {
    requestRate: { expr: requests(entity), legend: 'requests/s' },
    errorRate: { expr: requests([...entity, errors]), legend: 'errors/s' },
    errorRatio: {
      expr: `${requests([...entity, errors])} / ${requests(entity)}`,
      legend: 'error ratio',
    },
    durationQuantiles: (options.quantiles ?? [0.5, 0.9, 0.99]).map(quantile),
  };
}
