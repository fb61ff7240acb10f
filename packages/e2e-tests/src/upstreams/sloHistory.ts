/*
 * A month of SLO history for Prometheus' TSDB, as OpenMetrics for `promtool tsdb
 * create-blocks-from openmetrics`: the series Lookout's recording rules write
 * (`slo:sli_error:ratio` per window, `slo:error_budget_remaining:ratio`, and the 5-minute sums
 * `slo:sli_errors:sum5m` / `slo:sli_total:sum5m` that release impacts are computed from),
 * computed from a modelled per-minute error ratio exactly as the rules compute them (equal
 * traffic per minute). The story: a steady background error rate, an incident 5 days ago and an
 * outage that started `OUTAGE_MINUTES` before `now` (over an hour, so that a release recorded
 * just before it has its hour after already measured). The model covers every window; only the last week of samples is
 * written (`promtool` writes a block per 2 hours, so a month costs more time than the tests should
 * spend). Values after `now` stay those of `now`, so that what the tabs show does not move while
 * a test runs.
 */

/** Windows the recording rules record, in minutes (`30d` is the SLO window). */
export const RECORDED_WINDOW_MINUTES: Record<string, number> = {
  '5m': 5,
  '30m': 30,
  '1h': 60,
  '2h': 120,
  '6h': 360,
  '1d': 1440,
  '3d': 4320,
  '30d': 43200,
};

/** How long before `now` the outage started, in minutes. */
export const OUTAGE_MINUTES = 70;

/** Minutes of written history by default: a week. */
export const DEFAULT_HISTORY_MINUTES = 7 * 1440;

/** One SLO's modelled error ratio per minute. */
export interface SloModel {
  slo: string;
  /** Objective as a fraction, e.g. 0.999. */
  objective: number;
  /** Error ratio of minute `m` before now (0 = the last minute). */
  errorRatio(minutesAgo: number): number;
}

/** The SLOs of the demo catalog's `checkout` (availability 99.9%, latency 99%, 30d windows). */
export const CHECKOUT_SLOS: SloModel[] = [
  {
    slo: 'availability',
    objective: 0.999,
    errorRatio: m => {
      if (m < OUTAGE_MINUTES) return 0.025; // the outage
      if (m >= 5 * 1440 && m < 5 * 1440 + 120) return 0.02; // an incident 5 days ago
      return 0.0003 + 0.0001 * Math.sin((m / 1440) * 2 * Math.PI);
    },
  },
  {
    slo: 'latency',
    objective: 0.99,
    errorRatio: m =>
      m < OUTAGE_MINUTES
        ? 0.015
        : 0.004 + 0.001 * Math.sin((m / 720) * 2 * Math.PI),
  },
];

/** Options of {@link sloHistoryOpenMetrics}. */
export interface SloHistoryOptions {
  entityRef: string;
  slos: SloModel[];
  /** Epoch ms of "now": the last modelled minute ends here. */
  now: number;
  /** Sample spacing in minutes; at most Prometheus' 5 minute lookback. Default 4. */
  stepMinutes?: number;
  /** Written history before `now`, in minutes. Default 7 days. */
  historyMinutes?: number;
  /** Constant samples after `now`, in minutes. Default 3 hours. */
  holdMinutes?: number;
}

/** The figures at `now` of one SLO, as recorded. */
export interface SloFiguresAtNow {
  errorRatio: Record<string, number>;
  errorBudgetRemaining: number;
}

function round(value: number): number {
  return Number(value.toPrecision(12));
}

/** Error ratio of every recorded window and the budget left, `minutesAgo` before now. */
function figuresAt(
  model: SloModel,
  prefix: Float64Array,
  minutesAgo: number,
): SloFiguresAtNow {
  // prefix[i] = sum of the ratios of minutes ago [0, i).
  const errorRatio: Record<string, number> = {};
  for (const [window, minutes] of Object.entries(RECORDED_WINDOW_MINUTES)) {
    const sum = prefix[minutesAgo + minutes] - prefix[minutesAgo];
    errorRatio[window] = round(sum / minutes);
  }
  return {
    errorRatio,
    errorBudgetRemaining: round(1 - errorRatio['30d'] / (1 - model.objective)),
  };
}

function prefixSums(model: SloModel, minutes: number): Float64Array {
  const prefix = new Float64Array(minutes + 1);
  for (let m = 0; m < minutes; m++) {
    prefix[m + 1] = prefix[m] + model.errorRatio(m);
  }
  return prefix;
}

const LONGEST_WINDOW = Math.max(...Object.values(RECORDED_WINDOW_MINUTES));

/** The figures the history holds at `now` (and after), per SLO. */
export function sloFiguresAtNow(
  slos: SloModel[],
): Record<string, SloFiguresAtNow> {
  return Object.fromEntries(
    slos.map(model => [
      model.slo,
      figuresAt(model, prefixSums(model, LONGEST_WINDOW), 0),
    ]),
  );
}

/** The OpenMetrics exposition of the history (one family per metric, `# EOF` at the end). */
export function sloHistoryOpenMetrics(options: SloHistoryOptions): string {
  const step = options.stepMinutes ?? 4;
  const history = options.historyMinutes ?? DEFAULT_HISTORY_MINUTES;
  const hold = options.holdMinutes ?? 180;
  const nowMinute = Math.floor(options.now / 60_000);
  const ratioLines: string[] = [];
  const budgetLines: string[] = [];
  const errorSumLines: string[] = [];
  const totalSumLines: string[] = [];
  for (const model of options.slos) {
    const prefix = prefixSums(model, history + LONGEST_WINDOW);
    const samples: Array<{ at: number; figures: SloFiguresAtNow }> = [];
    for (
      let ago = history - 1 - ((history - 1) % step);
      ago >= 0;
      ago -= step
    ) {
      samples.push({
        at: nowMinute - ago,
        figures: figuresAt(model, prefix, ago),
      });
    }
    const current = figuresAt(model, prefix, 0);
    for (let ahead = step; ahead <= hold; ahead += step) {
      samples.push({ at: nowMinute + ahead, figures: current });
    }
    const base = `backstage_entity="${options.entityRef}",slo="${model.slo}"`;
    for (const window of Object.keys(RECORDED_WINDOW_MINUTES)) {
      for (const { at, figures } of samples) {
        ratioLines.push(
          `slo:sli_error:ratio{${base},window="${window}"} ${
            figures.errorRatio[window]
          } ${at * 60}`,
        );
      }
    }
    // The 5-minute sums: one sample every 5 minutes over the minutes (at − 5, at], one unit of
    // traffic per minute (only their ratio matters); none after `now`.
    for (let ago = history - 5 - ((history - 5) % 5); ago >= 0; ago -= 5) {
      const at = (nowMinute - ago) * 60;
      errorSumLines.push(
        `slo:sli_errors:sum5m{${base}} ${round(
          prefix[ago + 5] - prefix[ago],
        )} ${at}`,
      );
      totalSumLines.push(`slo:sli_total:sum5m{${base}} 5 ${at}`);
    }
    for (const { at, figures } of samples) {
      budgetLines.push(
        `slo:error_budget_remaining:ratio{${base}} ${
          figures.errorBudgetRemaining
        } ${at * 60}`,
      );
    }
  }
  return [
    '# TYPE slo:sli_error:ratio gauge',
    ...ratioLines,
    '# TYPE slo:error_budget_remaining:ratio gauge',
    ...budgetLines,
    '# TYPE slo:sli_errors:sum5m gauge',
    ...errorSumLines,
    '# TYPE slo:sli_total:sum5m gauge',
    ...totalSumLines,
    '# EOF',
    '',
  ].join('\n');
}
