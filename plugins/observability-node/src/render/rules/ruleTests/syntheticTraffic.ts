/*
 * Synthetic input series of a `promtool test rules` scenario: counters of one SLO's good and
 * bad events, phase by phase, on series whose labels the SLO's own selectors select.
 */
import { SloSpec, VectorSelector } from '@lookout/plugin-observability-common';
import { add, decimal, formatDecimal, multiply } from '../decimal';
import { leMatcher } from '../leMatcher';
import { CounterSeries } from './simulate';
import {
  SeriesLabels,
  selects,
  seriesText,
  synthesizeLabels,
} from './syntheticLabels';

/** A stretch of constant traffic: events per minute, as decimal text. @internal */
export interface TrafficPhase {
  minutes: number;
  good: string;
  bad: string;
}

/** What a synthetic series counts. @internal */
export type CounterRole = 'bad' | 'good' | 'all';

/** A synthetic series and the events it counts. @internal */
export interface SyntheticSeries {
  labels: SeriesLabels;
  role: CounterRole;
}

/** A promtool input series with its per-minute values, as the model evaluates them. @internal */
export interface InputSeries extends CounterSeries {
  series: string;
  text: string;
}

function ratioSeries(
  event: VectorSelector,
  total: VectorSelector,
  eventRole: 'bad' | 'good',
): SyntheticSeries[] | undefined {
  const otherRole: CounterRole = eventRole === 'bad' ? 'good' : 'bad';
  const both = synthesizeLabels([event, total]);
  const rest = synthesizeLabels([total], event);
  if (both && rest) {
    return [
      { labels: both, role: eventRole },
      { labels: rest, role: otherRole },
    ];
  }
  // The event counter is a metric of its own: the total series counts everything.
  const alone = synthesizeLabels([event], total);
  return alone && rest
    ? [
        { labels: alone, role: eventRole },
        { labels: rest, role: 'all' },
      ]
    : undefined;
}

/**
 * Series that carry an SLO's good and bad events through its own selectors, or undefined when
 * none can be derived (native histograms, which promtool 2 cannot feed, or selectors whose
 * regular expressions are beyond the example generator).
 * @internal
 */
export function syntheticSeries(slo: SloSpec): SyntheticSeries[] | undefined {
  const indicator = slo.indicator;
  if (indicator.type === 'ratio') {
    return indicator.errors
      ? ratioSeries(indicator.errors, indicator.total, 'bad')
      : ratioSeries(indicator.good!, indicator.total, 'good');
  }
  if (indicator.histogramType === 'native') {
    return undefined;
  }
  const countSelector = {
    metric: `${indicator.histogram}_count`,
    matchers: indicator.matchers,
  };
  const bucketSelector = {
    metric: `${indicator.histogram}_bucket`,
    matchers: [...indicator.matchers, leMatcher(indicator.thresholdSeconds)],
  };
  const count = synthesizeLabels([countSelector]);
  if (!count) {
    return undefined;
  }
  const bucket: SeriesLabels = {
    ...count,
    __name__: `${indicator.histogram}_bucket`,
    le: formatDecimal(decimal(indicator.thresholdSeconds)),
  };
  if (selects(bucketSelector, bucket) !== true) {
    return undefined;
  }
  return [
    { labels: count, role: 'all' },
    { labels: bucket, role: 'good' },
  ];
}

function increment(role: CounterRole, phase: TrafficPhase): string {
  if (role === 'all') {
    return formatDecimal(add(decimal(phase.good), decimal(phase.bad)));
  }
  return role === 'good' ? phase.good : phase.bad;
}

/**
 * The promtool `values` text of a counter (`0 100+100x59 6000+0x9`) and its values per minute,
 * computed the way promtool expands the notation (repeated float addition).
 * @internal
 */
export function counterValues(
  role: CounterRole,
  phases: TrafficPhase[],
): { text: string; values: number[] } {
  const parts = ['0'];
  const values = [0];
  let value = decimal(0);
  for (const phase of phases) {
    if (phase.minutes <= 0) {
      continue;
    }
    const step = decimal(increment(role, phase));
    const start = add(value, step);
    parts.push(
      phase.minutes === 1
        ? formatDecimal(start)
        : `${formatDecimal(start)}+${formatDecimal(step)}x${phase.minutes - 1}`,
    );
    let k = Number(formatDecimal(start));
    values.push(k);
    const offset = Number(formatDecimal(step));
    for (let i = 1; i < phase.minutes; i++) {
      k += offset;
      values.push(k);
    }
    value = add(value, multiply(step, decimal(phase.minutes)));
  }
  return { text: parts.join(' '), values };
}

/** The input series of a scenario. @internal */
export function inputSeries(
  series: SyntheticSeries[],
  phases: TrafficPhase[],
): InputSeries[] {
  return series.map(s => {
    const { text, values } = counterValues(s.role, phases);
    return { labels: s.labels, series: seriesText(s.labels), text, values };
  });
}
