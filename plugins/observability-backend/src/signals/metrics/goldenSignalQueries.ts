/*
 * The golden signals of an entity (request rate, error ratio, latency p50/p95/p99) as PromQL:
 * from its SLO indicators when it has them (a ratio SLO's counters, a latency SLO's histogram),
 * otherwise from the HTTP server metrics found for it, OpenTelemetry's semantic conventions or
 * the conventional Prometheus names. Every selector carries the entity's `backstage_entity`, or
 * the matchers of its `lookout.dev/metrics-selector` and `backstage_entity=""` when its series
 * carry no such label.
 */
import {
  entityScopeMatchers,
  GoldenSignalsSource,
  LabelMatcher,
  LatencyIndicator,
  ObservabilitySpec,
  OPENTELEMETRY_PRESETS,
  PanelUnit,
  PROM_CLIENT_PRESETS,
  RatioIndicator,
  SloPresetConfig,
  VectorSelector,
  formatLabelMatcher,
  formatVectorSelector,
} from '@lookout/plugin-observability-common';
import { PanelQuery, redQueries } from '@lookout/plugin-observability-node';

/** The latency quantiles of the tab. */
export const GOLDEN_QUANTILES = [0.5, 0.95, 0.99];

/** Label that tells the latency quantiles apart in the one latency query. */
export const QUANTILE_LABEL = 'quantile';

/** One golden-signal chart, before it is run. */
export interface GoldenQuery {
  title: 'Request rate' | 'Error ratio' | 'Latency';
  description: string;
  unit: PanelUnit;
  query: string;
  source: GoldenSignalsSource;
  /** Series name template. */
  legend?: string;
}

/** A naming convention the tab looks for, with the metric names whose presence decides it. */
export interface Convention {
  source: Exclude<GoldenSignalsSource, 'slo'>;
  presets: SloPresetConfig;
  /** The request counter (or native histogram) that must exist. */
  requestsMetric: string;
  /** The histogram series latency needs. */
  latencyMetric: string;
}

/** The conventions to look for: the configured presets first, then OpenTelemetry's, then prom-client's. */
export function conventions(configured?: SloPresetConfig): Convention[] {
  const all = [configured, OPENTELEMETRY_PRESETS, PROM_CLIENT_PRESETS].filter(
    (p): p is SloPresetConfig => p !== undefined,
  );
  const seen = new Set<string>();
  return all
    .filter(p => {
      const key = JSON.stringify(p);
      return seen.has(key) ? false : (seen.add(key), true);
    })
    .map(presets => {
      const native = presets.histogramType === 'native';
      return {
        source:
          presets.requestsMetric === OPENTELEMETRY_PRESETS.requestsMetric ||
          presets.durationHistogram === OPENTELEMETRY_PRESETS.durationHistogram
            ? 'opentelemetry'
            : 'prometheus',
        presets,
        requestsMetric:
          native &&
          presets.requestsMetric === `${presets.durationHistogram}_count`
            ? presets.durationHistogram
            : presets.requestsMetric,
        latencyMetric: native
          ? presets.durationHistogram
          : `${presets.durationHistogram}_bucket`,
      };
    });
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The matchers that select the entity's series, those of its panels: its
 * `lookout.dev/metrics-selector` and `backstage_entity=""`, else `backstage_entity="<ref>"`.
 */
export function entityScope(
  spec: Pick<ObservabilitySpec, 'entityRef' | 'metricsSelector'>,
): LabelMatcher[] {
  return entityScopeMatchers(spec.entityRef, spec.metricsSelector);
}

/**
 * One instant query naming which of the conventions' metrics the entity has had within
 * `lookback`: `group by (__name__) (last_over_time({backstage_entity="…", __name__=~"a|b"}[1d]))`
 * (`scope`: the matchers of `entityScope`).
 */
export function discoveryQuery(
  scope: LabelMatcher[],
  candidates: Convention[],
  lookback: string,
): string {
  const names = [
    ...new Set(candidates.flatMap(c => [c.requestsMetric, c.latencyMetric])),
  ];
  const selector = formatVectorSelector({
    metric: '',
    matchers: [
      ...scope,
      { name: '__name__', op: '=~', value: names.map(escapeRegex).join('|') },
    ],
  });
  return `group by (__name__) (last_over_time(${selector}[${lookback}]))`;
}

/** The selector with the scope's matchers first (replacing its own matchers of those labels). */
function scoped(selector: VectorSelector, scope: LabelMatcher[]): string {
  return formatVectorSelector({
    metric: selector.metric,
    matchers: [
      ...scope,
      ...selector.matchers.filter(m => !scope.some(s => s.name === m.name)),
    ],
  });
}

/** Quantile queries as one query, each series labelled with its legend (`quantile="p95"`). */
function combineQuantiles(quantiles: PanelQuery[]): string {
  return quantiles
    .map(
      q =>
        `label_replace(${q.expr}, "${QUANTILE_LABEL}", "${q.legend}", "", "")`,
    )
    .join(' or ');
}

function fromRatioSlo(
  name: string,
  indicator: RatioIndicator,
  scope: LabelMatcher[],
  rate: string,
): GoldenQuery[] {
  const sum = (s: VectorSelector) => `sum(rate(${scoped(s, scope)}[${rate}]))`;
  const total = sum(indicator.total);
  const errorRatio = indicator.errors
    ? `(${sum(indicator.errors)} or vector(0)) / ${total}`
    : `1 - (${sum(indicator.good!)} or vector(0)) / ${total}`;
  const counters = `SLO ${name}'s counters (${indicator.total.metric})`;
  return [
    {
      title: 'Request rate',
      description: `Events per second, from ${counters}.`,
      unit: 'reqps',
      query: total,
      source: 'slo',
      legend: 'requests/s',
    },
    {
      title: 'Error ratio',
      description: `Share of bad events, from ${counters}.`,
      unit: 'percentunit',
      query: errorRatio,
      source: 'slo',
      legend: 'error ratio',
    },
  ];
}

function fromLatencySlo(
  name: string,
  indicator: LatencyIndicator,
  scope: LabelMatcher[],
  rate: string,
): GoldenQuery {
  const native = indicator.histogramType === 'native';
  const series = scoped(
    {
      metric: native ? indicator.histogram : `${indicator.histogram}_bucket`,
      matchers: indicator.matchers,
    },
    scope,
  );
  return {
    title: 'Latency',
    description: `p50, p95 and p99, from SLO ${name}'s histogram (${indicator.histogram}).`,
    unit: 's',
    query: combineQuantiles(
      GOLDEN_QUANTILES.map(q => ({
        expr: native
          ? `histogram_quantile(${q}, sum(rate(${series}[${rate}])))`
          : `histogram_quantile(${q}, sum by (le) (rate(${series}[${rate}])))`,
        legend: `p${Math.round(q * 100)}`,
      })),
    ),
    source: 'slo',
    legend: `{{${QUANTILE_LABEL}}}`,
  };
}

function describeConvention(convention: Convention): string {
  return convention.source === 'opentelemetry'
    ? 'the OpenTelemetry HTTP server metrics'
    : 'the conventional Prometheus HTTP metrics';
}

/** What the golden signals will show, and a note when some could not be found. */
export interface GoldenPlan {
  queries: GoldenQuery[];
  note?: string;
}

/**
 * The golden-signal queries of `spec`: SLO indicators first, then the first convention whose
 * metrics `found` holds (names from {@link discoveryQuery}; `undefined` when no discovery ran).
 */
export function goldenSignalQueries(
  spec: ObservabilitySpec,
  candidates: Convention[],
  found: ReadonlySet<string> | undefined,
  rateInterval: string,
): GoldenPlan {
  const scope = entityScope(spec);
  const ratio = spec.slos.find(slo => slo.indicator.type === 'ratio');
  const latency = spec.slos.find(slo => slo.indicator.type === 'latency');
  const queries: GoldenQuery[] = [];
  if (ratio) {
    queries.push(
      ...fromRatioSlo(
        ratio.name,
        ratio.indicator as RatioIndicator,
        scope,
        rateInterval,
      ),
    );
  }
  const traffic = found && candidates.find(c => found.has(c.requestsMetric));
  if (!ratio && traffic) {
    const red = redQueries(spec.entityRef, traffic.presets, {
      rateInterval,
      scope,
    });
    const metric = `${describeConvention(traffic)} (${traffic.requestsMetric})`;
    queries.push(
      {
        title: 'Request rate',
        description: `Requests per second, from ${metric}.`,
        unit: 'reqps',
        query: red.requestRate.expr,
        source: traffic.source,
        legend: 'requests/s',
      },
      {
        title: 'Error ratio',
        description: `Share of requests whose ${traffic.presets.statusCodeLabel} matches ${traffic.presets.errorStatusRegex}, from ${metric}.`,
        unit: 'percentunit',
        query: `(${red.errorRate.expr} or vector(0)) / ${red.requestRate.expr}`,
        source: traffic.source,
        legend: 'error ratio',
      },
    );
  }
  if (latency) {
    queries.push(
      fromLatencySlo(
        latency.name,
        latency.indicator as LatencyIndicator,
        scope,
        rateInterval,
      ),
    );
  } else {
    const histogram = found && candidates.find(c => found.has(c.latencyMetric));
    if (histogram) {
      const red = redQueries(spec.entityRef, histogram.presets, {
        rateInterval,
        quantiles: GOLDEN_QUANTILES,
        scope,
      });
      queries.push({
        title: 'Latency',
        description: `p50, p95 and p99, from ${describeConvention(
          histogram,
        )} (${histogram.presets.durationHistogram}).`,
        unit: 's',
        query: combineQuantiles(red.durationQuantiles),
        source: histogram.source,
        legend: `{{${QUANTILE_LABEL}}}`,
      });
    }
  }
  const names = candidates
    .flatMap(c => [c.requestsMetric, c.latencyMetric])
    .join(', ');
  const missing = ['Request rate', 'Latency'].filter(
    title => !queries.some(q => q.title === title),
  );
  return {
    queries,
    ...(missing.length > 0 && {
      note: `${missing.join(
        ' and ',
      )}: no SLO of the entity and none of ${names} with ${scope
        .map(formatLabelMatcher)
        .join(', ')} found.`,
    }),
  };
}
