/*
 * A model of how Prometheus evaluates Lookout's SLO rules on synthetic counters, used to decide
 * what a generated `promtool test rules` file must expect, and when. It follows Prometheus'
 * `rate()` (extrapolation included) and range selection under both semantics in use: closed
 * ranges `[t-r, t]` (Prometheus 2) and left-open ranges `(t-r, t]` (Prometheus 3). Scenarios only
 * assert at instants where both agree with a margin, so the generated tests pass on either.
 */
import {
  SloSpec,
  VectorSelector,
  durationSeconds,
} from '@lookout/plugin-observability-common';
import { SloNumbers, TierInForce } from '../alertTiers';
import { leMatcher } from '../leMatcher';
import { readsRaw, readsSums, SUM_SPAN } from '../recordingRules';
import { SeriesLabels, selects } from './syntheticLabels';

/** Evaluation interval of the generated tests, in minutes. @internal */
export const EVAL_STEP_MINUTES = 5;

/** Range selection: Prometheus 2 includes the left boundary, Prometheus 3 does not. @internal */
export type RangeSemantics = 'closed' | 'leftOpen';

/** A counter sampled every minute from 0; `values[m]` is the value at minute m. @internal */
export interface CounterSeries {
  labels: SeriesLabels;
  values: number[];
}

/** Range of the recorded rates, in minutes. */
const RATE_RANGE_MINUTES = 5;

/** `rate(x[<range> minutes])` of one series at minute `t`, as Prometheus computes it. */
function rateAt(
  values: number[],
  t: number,
  semantics: RangeSemantics,
  range: number,
): number | undefined {
  const first = Math.max(0, semantics === 'closed' ? t - range : t - range + 1);
  const last = Math.min(t, values.length - 1);
  if (last - first < 1) {
    return undefined;
  }
  let result = values[last] - values[first];
  let previous = 0;
  for (let m = first; m <= last; m++) {
    if (values[m] < previous) {
      result += previous;
    }
    previous = values[m];
  }
  let toStart = (first - (t - range)) * 60;
  const toEnd = (t - last) * 60;
  const sampled = (last - first) * 60;
  const average = sampled / (last - first);
  if (result > 0 && values[first] >= 0) {
    const toZero = sampled * (values[first] / result);
    if (toZero < toStart) {
      toStart = toZero;
    }
  }
  const threshold = average * 1.1;
  let extrapolated = sampled;
  extrapolated += toStart < threshold ? toStart : average / 2;
  extrapolated += toEnd < threshold ? toEnd : average / 2;
  return (result * (extrapolated / sampled)) / (range * 60);
}

function sumRates(
  series: CounterSeries[],
  t: number,
  semantics: RangeSemantics,
  range: number,
): number | undefined {
  let sum: number | undefined;
  for (const s of series) {
    const rate = rateAt(s.values, t, semantics, range);
    if (rate !== undefined) {
      sum = (sum ?? 0) + rate;
    }
  }
  return sum;
}

/** The series each selector of an SLO selects; `kind` tells how bad events are derived. */
interface SelectedSeries {
  kind: 'errors' | 'good';
  total: CounterSeries[];
  events: CounterSeries[];
}

function selected(slo: SloSpec, series: CounterSeries[]): SelectedSeries {
  const pick = (selector: VectorSelector) =>
    series.filter(s => selects(selector, s.labels) === true);
  const indicator = slo.indicator;
  if (indicator.type === 'ratio') {
    return indicator.errors
      ? {
          kind: 'errors',
          total: pick(indicator.total),
          events: pick(indicator.errors),
        }
      : {
          kind: 'good',
          total: pick(indicator.total),
          events: pick(indicator.good!),
        };
  }
  if (indicator.histogramType === 'native') {
    return { kind: 'good', total: [], events: [] }; // no native histogram samples in tests
  }
  return {
    kind: 'good',
    total: pick({
      metric: `${indicator.histogram}_count`,
      matchers: indicator.matchers,
    }),
    events: pick({
      metric: `${indicator.histogram}_bucket`,
      matchers: [...indicator.matchers, leMatcher(indicator.thresholdSeconds)],
    }),
  };
}

/**
 * The SLI's rates of bad and all events over `range` minutes at minute `t`: with the default
 * range, the recorded `slo:sli_errors:rate5m` and `slo:sli_total:rate5m`.
 */
function sliRatesAt(
  series: SelectedSeries,
  t: number,
  semantics: RangeSemantics,
  range: number = RATE_RANGE_MINUTES,
): { errors?: number; total?: number } {
  const total = sumRates(series.total, t, semantics, range);
  const events = sumRates(series.events, t, semantics, range);
  if (series.kind === 'errors') {
    return { errors: events ?? 0, total }; // `or vector(0)`
  }
  return {
    errors:
      total === undefined || events === undefined
        ? undefined
        : Math.max(total - events, 0),
    total,
  };
}

/** `errors / (total > 0)`: nothing without a value or without traffic. */
function ratioOf(
  errors: number | undefined,
  total: number | undefined,
): number | undefined {
  return errors === undefined || total === undefined || !(total > 0)
    ? undefined
    : errors / total;
}

/** Running sums over the evaluation steps, for window sums in O(1). */
class Prefix {
  readonly sums: number[] = [0];
  readonly counts: number[] = [0];

  push(value: number | undefined): void {
    const n = this.sums.length - 1;
    this.sums.push(this.sums[n] + (value ?? 0));
    this.counts.push(this.counts[n] + (value === undefined ? 0 : 1));
  }

  /** Sum and count of the samples of steps `from..to` (inclusive). */
  range(from: number, to: number): { sum: number; count: number } {
    const a = Math.max(0, from);
    return {
      sum: this.sums[to + 1] - this.sums[a],
      count: this.counts[to + 1] - this.counts[a],
    };
  }
}

/** Prefix sums of the 5-minute sums of a rate: `sum_over_time(rate[5m])` at each step. */
function summed(
  rates: Prefix,
  steps: number,
  first: (step: number, window: string) => number,
): Prefix {
  const sums = new Prefix();
  for (let j = 0; j <= steps; j++) {
    const { sum, count } = rates.range(first(j, SUM_SPAN), j);
    sums.push(count === 0 ? undefined : sum);
  }
  return sums;
}

/**
 * The recorded series of one SLO over a test, under one range semantics: the 5m rates at each
 * evaluation step, everything derived from them, and the ratios that read the raw counters over
 * their window (`readsRaw`). At each step the generated tests evaluate
 * the main group first, then the sums group (`group_eval_order`), so a ratio that reads the
 * sums sees those of the previous steps.
 * @internal
 */
export class SloTimeline {
  readonly errors: Array<number | undefined> = [];
  readonly total: Array<number | undefined> = [];
  private readonly errorsPrefix = new Prefix();
  private readonly totalPrefix = new Prefix();
  private readonly errorsSums: Prefix;
  private readonly totalSums: Prefix;
  private readonly chosen: SelectedSeries;

  constructor(
    readonly slo: SloSpec,
    series: CounterSeries[],
    steps: number,
    readonly semantics: RangeSemantics,
  ) {
    const chosen = selected(slo, series);
    this.chosen = chosen;
    for (let j = 0; j <= steps; j++) {
      const rates = sliRatesAt(chosen, j * EVAL_STEP_MINUTES, semantics);
      this.errors.push(rates.errors);
      this.total.push(rates.total);
      this.errorsPrefix.push(rates.errors);
      this.totalPrefix.push(rates.total);
    }
    const first = (step: number, window: string) =>
      this.firstStep(step, window);
    this.errorsSums = summed(this.errorsPrefix, steps, first);
    this.totalSums = summed(this.totalPrefix, steps, first);
  }

  private firstStep(step: number, window: string): number {
    const span = durationSeconds(window) / 60 / EVAL_STEP_MINUTES;
    return this.semantics === 'closed' ? step - span : step - span + 1;
  }

  /** `slo:sli_error:ratio{window}` at evaluation step `step`. */
  ratio(step: number, window: string): number | undefined {
    if (window === '5m') {
      return ratioOf(this.errors[step], this.total[step]);
    }
    if (readsRaw(window)) {
      const raw = sliRatesAt(
        this.chosen,
        step * EVAL_STEP_MINUTES,
        this.semantics,
        durationSeconds(window) / 60,
      );
      return ratioOf(raw.errors, raw.total);
    }
    const from = this.firstStep(step, window);
    const sums = readsSums(window);
    // The sums of this step are written after the main group ran.
    const to = sums ? step - 1 : step;
    if (to < 0) {
      return undefined;
    }
    const errors = (sums ? this.errorsSums : this.errorsPrefix).range(from, to);
    const total = (sums ? this.totalSums : this.totalPrefix).range(from, to);
    if (errors.count === 0 || total.count === 0 || !(total.sum > 0)) {
      return undefined;
    }
    return errors.sum / total.sum;
  }

  /** `avg_over_time(slo:sli_total:rate5m[window]) × window seconds`: events in the window. */
  events(step: number, window: string): number | undefined {
    const { sum, count } = this.totalPrefix.range(
      this.firstStep(step, window),
      step,
    );
    return count === 0 ? undefined : (sum / count) * durationSeconds(window);
  }

  /** Whether `SLOMetricsMissing`'s condition holds at `step`. */
  missing(step: number): boolean {
    return this.total[step] === undefined || this.errors[step] === undefined;
  }
}

/** true / false, or undefined when a comparison is too close to its threshold to call. @internal */
export type Verdict = boolean | undefined;

const RELATIVE_MARGIN = 1e-9;

/**
 * `value > threshold` (or `>=` when `inclusive`); false without a value, undefined when the two
 * are too close to call.
 */
function compareTo(
  value: number | undefined,
  threshold: number,
  inclusive: boolean,
): Verdict {
  if (value === undefined) {
    return false;
  }
  if (
    Math.abs(value - threshold) <=
    RELATIVE_MARGIN * Math.max(Math.abs(threshold), 1e-12)
  ) {
    return undefined;
  }
  return inclusive ? value >= threshold : value > threshold;
}

function above(value: number | undefined, threshold: number): Verdict {
  return compareTo(value, threshold, false);
}

function atLeast(value: number | undefined, threshold: number): Verdict {
  return compareTo(value, threshold, true);
}

function and(verdicts: Verdict[]): Verdict {
  if (verdicts.includes(false)) {
    return false;
  }
  return verdicts.includes(undefined) ? undefined : true;
}

function or(verdicts: Verdict[]): Verdict {
  if (verdicts.includes(true)) {
    return true;
  }
  return verdicts.includes(undefined) ? undefined : false;
}

/** Whether one tier's condition holds at `step`. @internal */
export function tierFires(
  timeline: SloTimeline,
  tier: TierInForce,
  step: number,
): Verdict {
  const threshold = Number(tier.errorRatio);
  const conditions: Verdict[] = [
    above(timeline.ratio(step, tier.tier.longWindow), threshold),
    above(timeline.ratio(step, tier.tier.shortWindow), threshold),
  ];
  const minEvents = timeline.slo.alerting.minEvents;
  if (minEvents > 0) {
    conditions.push(
      atLeast(timeline.events(step, tier.tier.longWindow), minEvents),
    );
  }
  return and(conditions);
}

/** Whether any of `tiers` fires at `step`. @internal */
export function tiersFire(
  timeline: SloTimeline,
  tiers: TierInForce[],
  step: number,
): Verdict {
  return or(tiers.map(tier => tierFires(timeline, tier, step)));
}

/** The value of a firing `ErrorBudgetBurn`: the 5m burn rate, 0 without recent traffic. @internal */
export function currentBurn(
  timeline: SloTimeline,
  numbers: SloNumbers,
  step: number,
): number {
  const r = timeline.ratio(step, '5m');
  return r === undefined ? 0 : Math.max(r / Number(numbers.budget), 0);
}

/** Whether `SLOMetricsMissing` (for: 10m) is firing at `step`. @internal */
export function metricsMissingFires(
  timeline: SloTimeline,
  step: number,
): boolean {
  const holdSteps = 10 / EVAL_STEP_MINUTES;
  for (let j = step; j >= step - holdSteps; j--) {
    if (j < 0 || !timeline.missing(j)) {
      return false;
    }
  }
  return true;
}
