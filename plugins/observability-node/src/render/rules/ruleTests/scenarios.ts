/*
 * The scenarios of an SLO's `promtool test rules` file. Each one feeds synthetic counters
 * through the SLO's own selectors and asserts what the burn-rate math says, at instants the
 * model (see `simulate.ts`) can call exactly:
 *   (a) a full outage pages, as early as the 1h/5m tier allows (≤ 5m for 99.9 % over 30d);
 *   (b) a burn at 25/24 of the 1h tier's factor (15x for 14.4) pages within 65 minutes;
 *   (c) a burn at twice the 3d tier's factor (2.2x) raises a ticket when half of the 3d window
 *       burns (36h after it starts) and never pages;
 *   (d) a burn at half the 3d tier's factor (0.55x) stays silent for 8 hours;
 *   (e) no data raises SLOMetricsMissing after 10 minutes; the metadata series are there;
 *   (f) a steady error ratio records exact values in every window and in the budget left;
 *   (g) with `minEvents`, a full outage on too little traffic stays silent.
 * The factors are the same at every window (docs/slo-alerting.md), so the multiples are too. A
 * scenario whose assertion cannot be placed fails the render with an internal error; none is
 * dropped silently.
 */
import {
  durationSeconds,
  RECORDED_WINDOWS,
} from '@lookout/plugin-observability-common';
import { TierInForce, tiersOf } from '../alertTiers';
import {
  decimal,
  decimalPlaces,
  formatDecimal,
  multiply,
  powerOfTen,
  toNumber,
} from '../decimal';
import { formatLabelMatcher } from '@lookout/plugin-observability-common';
import { sloSelector } from '../sloContext';
import {
  ALERT_ERROR_BUDGET_BURN,
  ALERT_SLO_METRICS_MISSING,
  SLO_ERRORS_RATE,
  SLO_ERROR_BUDGET_REMAINING,
  SLO_ERROR_RATIO,
  SLO_INFO,
  SLO_OBJECTIVE,
  SLO_TOTAL_RATE,
} from '../sloSeries';
import {
  AlertState,
  ExpectedAlert,
  ScenarioModel,
  SloAlertModel,
} from './expectedAlerts';
import { EVAL_STEP_MINUTES } from './simulate';
import { SyntheticSeries, TrafficPhase, inputSeries } from './syntheticTraffic';

/** An alert assertion of promtool. @public */
export interface AlertRuleTest {
  eval_time: string;
  alertname: string;
  exp_alerts: ExpectedAlert[];
}

/** A PromQL assertion of promtool. @public */
export interface PromqlExprTest {
  expr: string;
  eval_time: string;
  exp_samples: Array<{ labels: string; value: number }>;
}

/** One test group of a promtool test file. @public */
export interface ScenarioTest {
  name: string;
  interval: string;
  input_series: Array<{ series: string; values: string }>;
  alert_rule_test?: AlertRuleTest[];
  promql_expr_test?: PromqlExprTest[];
}

/** What every scenario of one SLO works from. @internal */
export interface ScenarioSetup {
  /** Every SLO of the entity (the rule file holds them all). */
  models: SloAlertModel[];
  /** The SLO under test. */
  target: SloAlertModel;
  /** Its synthetic series; undefined when none can be built. */
  series?: SyntheticSeries[];
  /** Why there are no synthetic series, said in the test names. */
  noSeriesReason?: string;
}

/** `370` → `6h10m`, as promtool reads durations. @internal */
export function formatMinutes(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) {
    return `${rest}m`;
  }
  return rest === 0 ? `${hours}h` : `${hours}h${rest}m`;
}

function multipleText(multiple: number): string {
  return `${Number(multiple.toFixed(4))}x`;
}

function tier(
  setup: ScenarioSetup,
  longWindow: string,
): TierInForce | undefined {
  return setup.target.context.numbers.tiers.find(
    t => t.tier.longWindow === longWindow,
  );
}

/** Events per minute of the synthetic traffic: large enough that burns are whole events. */
function trafficPerMinute(setup: ScenarioSetup): number {
  const { numbers, slo } = setup.target.context;
  let traffic = Number(
    formatDecimal(powerOfTen(decimalPlaces(decimal(numbers.budget)) + 2)),
  );
  while (traffic * 60 < slo.alerting.minEvents * 4) {
    traffic *= 10;
  }
  return traffic;
}

/** Bad events per minute for a burn `multiple` × budget, nudged off `%.1f` rounding ties. */
function badPerMinute(
  setup: ScenarioSetup,
  traffic: number,
  multiple: number,
): number {
  const budget = Number(setup.target.context.numbers.budget);
  let bad = Math.max(1, Math.round(multiple * budget * traffic));
  for (;;) {
    const tenths = (bad / traffic / budget) * 10;
    if (Math.abs(tenths - Math.floor(tenths) - 0.5) > 0.01) {
      return bad;
    }
    bad += 1;
  }
}

function phase(minutes: number, good: number, bad: number): TrafficPhase {
  return { minutes, good: String(good), bad: String(bad) };
}

function totalMinutes(phases: TrafficPhase[]): number {
  return phases.reduce((sum, p) => sum + p.minutes, 0);
}

function trim(phases: TrafficPhase[], minutes: number): TrafficPhase[] {
  const out: TrafficPhase[] = [];
  let left = minutes;
  for (const p of phases) {
    if (left <= 0) {
      break;
    }
    out.push({ ...p, minutes: Math.min(p.minutes, left) });
    left -= p.minutes;
  }
  return out;
}

class ScenarioRun {
  readonly model: ScenarioModel;

  constructor(
    private readonly setup: ScenarioSetup,
    private readonly phases: TrafficPhase[],
  ) {
    const series = inputSeries(setup.series ?? [], phases);
    this.model = new ScenarioModel(
      setup.models,
      setup.target.context.slo.name,
      series,
      Math.floor(totalMinutes(phases) / EVAL_STEP_MINUTES),
    );
  }

  /**
   * The first step in `[from, to]` where the model is certain and `wanted` holds. The burns of
   * these scenarios only grow worse, so an hour whose last step is certainly not `wanted` is
   * skipped without looking at its other steps.
   */
  find(
    from: number,
    to: number,
    wanted: (state: AlertState) => boolean,
  ): { step: number; state: AlertState } | undefined {
    const hit = (step: number) => {
      const state = this.model.state(step);
      return state && wanted(state) ? { step, state } : undefined;
    };
    const stride = 60 / EVAL_STEP_MINUTES;
    for (let block = from; block <= to; block += stride) {
      const end = Math.min(block + stride - 1, to);
      const probe = this.model.state(end);
      // Scan the hour when its last step fires, or cannot be called.
      if (!probe || wanted(probe)) {
        for (let step = block; step <= end; step++) {
          const found = hit(step);
          if (found) {
            return found;
          }
        }
      }
    }
    return undefined;
  }

  inputSeries(untilMinute: number): ScenarioTest['input_series'] {
    if (!this.setup.series) {
      return [];
    }
    return inputSeries(this.setup.series, trim(this.phases, untilMinute)).map(
      s => ({
        series: s.series,
        values: s.text,
      }),
    );
  }
}

function alertChecks(step: number, state: AlertState): AlertRuleTest[] {
  const evalTime = formatMinutes(step * EVAL_STEP_MINUTES);
  return [
    {
      eval_time: evalTime,
      alertname: ALERT_ERROR_BUDGET_BURN,
      exp_alerts: state.burn,
    },
    {
      eval_time: evalTime,
      alertname: ALERT_SLO_METRICS_MISSING,
      exp_alerts: state.missing,
    },
  ];
}

function claim(
  setup: ScenarioSetup,
  scenario: string,
  holds: boolean,
  what: string,
): void {
  if (!holds) {
    const { slo, entityRef } = setup.target.context;
    throw new Error(
      `internal error: promtool scenario "${scenario}" of SLO ${slo.name} of ${entityRef}: ${what}`,
    );
  }
}

function test(
  name: string,
  run: ScenarioRun,
  checkpoints: Array<{ step: number; state: AlertState }>,
  promql: PromqlExprTest[] = [],
): ScenarioTest {
  const lastStep = Math.max(
    ...checkpoints.map(c => c.step),
    ...promql.map(p => durationSeconds(p.eval_time) / 60 / EVAL_STEP_MINUTES),
  );
  const result: ScenarioTest = {
    name,
    interval: '1m',
    input_series: run.inputSeries(lastStep * EVAL_STEP_MINUTES),
  };
  const alerts = checkpoints.flatMap(c => alertChecks(c.step, c.state));
  if (alerts.length > 0) {
    result.alert_rule_test = alerts;
  }
  if (promql.length > 0) {
    result.promql_expr_test = promql;
  }
  return result;
}

const HEALTHY_PAGE_BASELINE = 370; // 6h10m: the 6h page window and its 5m rates are healthy
// 36h healthy, then a burn at twice the 3d tier's factor: the 3d window crosses the factor when
// the burn has lasted as long as the healthy part, 36h, the same moment as after a healthy 3d
// (half of the 3d window burning at 2x), at two thirds of the evaluation cost.
const HEALTHY_TICKET_BASELINE = 2160;

/**
 * A checkpoint at `step`, or at most two steps later when the model cannot call `step` exactly
 * (another SLO of the entity sitting on a threshold); undefined if none of them can be called.
 */
function near(
  run: ScenarioRun,
  step: number,
): { step: number; state: AlertState } | undefined {
  for (let s = step; s <= step + 2; s++) {
    const state = run.model.state(s);
    if (state) {
      return { step: s, state };
    }
  }
  return undefined;
}

/** The checkpoints of `steps` the model can call. */
function checkpointsAt(
  run: ScenarioRun,
  steps: number[],
): Array<{ step: number; state: AlertState }> {
  return steps
    .map(step => near(run, step))
    .filter((c): c is { step: number; state: AlertState } => c !== undefined);
}

/** (a) A full outage after a healthy baseline pages; asserted at the earliest certain instant. */
export function fullOutageScenario(
  setup: ScenarioSetup,
): ScenarioTest | undefined {
  if (
    !setup.series ||
    setup.target.context.numbers.tiers.every(t => t.tier.severity !== 'page')
  ) {
    return undefined;
  }
  const traffic = trafficPerMinute(setup);
  const start = HEALTHY_PAGE_BASELINE;
  const run = new ScenarioRun(setup, [
    phase(start, traffic, 0),
    phase(360, 0, traffic),
  ]);
  const startStep = start / EVAL_STEP_MINUTES;
  const name = 'full outage after a healthy 6h10m';
  const healthy = checkpointsAt(run, [startStep]);
  for (const c of healthy) {
    claim(
      setup,
      name,
      !c.state.target.page && !c.state.target.ticket,
      'alert before the outage',
    );
  }
  const paged = run.find(startStep + 1, startStep + 72, s => s.target.page);
  claim(setup, name, paged !== undefined, 'never pages within 6 hours');
  const after = (paged!.step - startStep) * EVAL_STEP_MINUTES;
  return test(
    `(a) ${name}: pages ${formatMinutes(after)} after it starts`,
    run,
    [...healthy, paged!],
  );
}

/** (b) A burn just above the 1h/5m tier's factor pages within 65 minutes. */
export function fastBurnScenario(
  setup: ScenarioSetup,
): ScenarioTest | undefined {
  const fast = tier(setup, '1h');
  const multiple = (Number(fast?.factor) * 25) / 24; // 15 for 14.4: 25/24 of the tier's factor
  const budget = Number(setup.target.context.numbers.budget);
  if (!setup.series || !fast || multiple * budget >= 1) {
    return undefined;
  }
  const traffic = trafficPerMinute(setup);
  const bad = badPerMinute(setup, traffic, multiple);
  const start = HEALTHY_PAGE_BASELINE;
  const run = new ScenarioRun(setup, [
    phase(start, traffic, 0),
    phase(180, traffic - bad, bad),
  ]);
  const startStep = start / EVAL_STEP_MINUTES;
  const name = `${multipleText(multiple)} burn (1h tier factor ${
    fast.factor
  }) after a healthy 6h10m`;
  const healthy = checkpointsAt(run, [startStep]);
  const paged = run.find(startStep + 1, startStep + 36, s => s.target.page);
  claim(setup, name, paged !== undefined, 'never pages');
  const after = (paged!.step - startStep) * EVAL_STEP_MINUTES;
  claim(setup, name, after <= 65, `pages only after ${formatMinutes(after)}`);
  return test(
    `(b) ${name}: pages ${formatMinutes(after)} after it starts`,
    run,
    [...healthy, paged!],
  );
}

/** (c) A burn at twice the 3d tier's factor raises a ticket when the math says, never a page. */
export function slowBurnScenario(
  setup: ScenarioSetup,
): ScenarioTest | undefined {
  const slow = tier(setup, '3d');
  // Twice the 3d tier's factor, or halfway to the lowest page factor where that is lower
  // (below 98.34 % the capped 1h tier pages under 2.2x); the burn then lasts a day longer.
  const slowFactor = Number(slow?.factor);
  const lowestPage = Math.min(
    ...tiersOf(setup.target.context.numbers, 'page').map(t => Number(t.factor)),
  );
  const multiple = Math.min(2 * slowFactor, (slowFactor + lowestPage) / 2);
  const burnMinutes = (multiple < 2 * slowFactor ? 3 : 2) * 24 * 60;
  const budget = Number(setup.target.context.numbers.budget);
  if (!setup.series || !slow || multiple * budget >= 1) {
    return undefined;
  }
  const traffic = trafficPerMinute(setup);
  const bad = badPerMinute(setup, traffic, multiple);
  const start = HEALTHY_TICKET_BASELINE;
  const run = new ScenarioRun(setup, [
    phase(start, traffic, 0),
    phase(burnMinutes, traffic - bad, bad),
  ]);
  const startStep = start / EVAL_STEP_MINUTES;
  const name = `${multipleText(multiple)} burn (3d tier factor ${
    slow.factor
  }) after a healthy 36h`;
  const ticket = run.find(
    startStep + 1,
    startStep + burnMinutes / EVAL_STEP_MINUTES,
    s => s.target.ticket,
  );
  claim(setup, name, ticket !== undefined, 'never raises a ticket');
  const steps = [startStep];
  for (
    let hours = 6;
    hours * 60 < (ticket!.step - startStep) * EVAL_STEP_MINUTES;
    hours += 6
  ) {
    steps.push(startStep + (hours * 60) / EVAL_STEP_MINUTES);
  }
  const checkpoints = [
    ...checkpointsAt(run, steps).filter(c => c.step < ticket!.step),
    ticket!,
  ];
  for (const c of checkpoints) {
    claim(
      setup,
      name,
      !c.state.target.page,
      `pages at ${formatMinutes(c.step * 5)}`,
    );
  }
  const after = (ticket!.step - startStep) * EVAL_STEP_MINUTES;
  return test(
    `(c) ${name}: ticket ${formatMinutes(after)} after it starts, no page`,
    run,
    checkpoints,
  );
}

/** (d) A burn at half the 3d tier's factor stays silent for 8 hours. */
export function gentleBurnScenario(
  setup: ScenarioSetup,
): ScenarioTest | undefined {
  const slow = tier(setup, '3d');
  if (!setup.series) {
    return undefined;
  }
  // Half the 3d tier's factor (0.55), or half a budget when no ticket tier is in force.
  const multiple = slow ? Number(slow.factor) / 2 : 0.5;
  const traffic = trafficPerMinute(setup);
  const bad = badPerMinute(setup, traffic, multiple);
  const run = new ScenarioRun(setup, [phase(480, traffic - bad, bad)]);
  const name = `(d) ${multipleText(multiple)} burn for 8h: no alert`;
  const checkpoints = checkpointsAt(run, [12, 24, 48, 72, 96]);
  for (const c of checkpoints) {
    const t = c.state.target;
    claim(
      setup,
      name,
      !t.page && !t.ticket && !t.missing,
      `alert at ${formatMinutes(c.step * 5)}`,
    );
  }
  return test(name, run, checkpoints);
}

function labelsText(metric: string, labels: Record<string, string>): string {
  const parts = Object.keys(labels)
    .sort()
    .map(name => formatLabelMatcher({ name, op: '=', value: labels[name] }));
  return `${metric}{${parts.join(', ')}}`;
}

function objectiveCheck(
  setup: ScenarioSetup,
  evalTime: string,
): PromqlExprTest {
  const { context } = setup.target;
  return {
    expr: sloSelector(context, SLO_OBJECTIVE),
    eval_time: evalTime,
    exp_samples: [
      {
        labels: labelsText(SLO_OBJECTIVE, context.identity),
        value: Number(context.numbers.objective),
      },
    ],
  };
}

/** (e) No data at all: SLOMetricsMissing after 10 minutes, metadata recorded regardless. */
export function noDataScenario(
  setup: ScenarioSetup,
  infoLabels: Record<string, string>,
): ScenarioTest {
  const run = new ScenarioRun({ ...setup, series: undefined }, [
    phase(15, 0, 0),
  ]);
  const limitation = setup.series
    ? ''
    : `. ${
        setup.noSeriesReason ?? 'No synthetic series'
      }, so this file proves only ` +
      `SLOMetricsMissing and the recorded metadata`;
  const expectsMissing = setup.target.missing !== undefined;
  const name = expectsMissing
    ? `(e) no data: SLOMetricsMissing after 10m${limitation}`
    : `(e) no data: no alert, SLOMetricsMissing is switched off${limitation}`;
  const checkpoints = [near(run, 1), near(run, 3)];
  claim(
    setup,
    name,
    checkpoints[0]?.step === 1 && !checkpoints[0].state.target.missing,
    'fires before 10m',
  );
  claim(
    setup,
    name,
    checkpoints[1]?.step === 3 &&
      checkpoints[1].state.target.missing === expectsMissing,
    expectsMissing ? 'does not fire after 10m' : 'fires although switched off',
  );
  const { context } = setup.target;
  const promql: PromqlExprTest[] = [
    objectiveCheck(setup, '15m'),
    {
      expr: sloSelector(context, SLO_INFO),
      eval_time: '15m',
      exp_samples: [{ labels: labelsText(SLO_INFO, infoLabels), value: 1 }],
    },
    {
      expr: sloSelector(context, SLO_ERROR_RATIO),
      eval_time: '15m',
      exp_samples: [],
    },
  ];
  return test(
    name,
    run,
    checkpoints.filter(
      (c): c is { step: number; state: AlertState } => c !== undefined,
    ),
    promql,
  );
}

/** `round(expr × 10^digits) / 10^digits`: promtool compares floats exactly. */
function rounded(expr: string, digits: number): string {
  const scale = formatDecimal(powerOfTen(digits));
  return `round(${expr} * ${scale}) / ${scale}`;
}

/**
 * (f) A steady error ratio of an eighth of the budget (below every tier's factor, the lowest
 * being 1.1): exact recorded values.
 */
export function recordedValuesScenario(
  setup: ScenarioSetup,
): ScenarioTest | undefined {
  if (!setup.series) {
    return undefined;
  }
  const { context } = setup.target;
  const traffic = trafficPerMinute(setup) * 10; // an eighth of the budget in whole events
  const eighth = multiply(decimal(context.numbers.budget), decimal('0.125'));
  const bad = Number(formatDecimal(multiply(eighth, decimal(traffic))));
  const run = new ScenarioRun(setup, [phase(65, traffic - bad, bad)]);
  const digits = decimalPlaces(eighth) + 3;
  // Every window the rules record: the alert windows, then the SLO window.
  const windows = [
    ...RECORDED_WINDOWS.filter(window => window !== context.slo.window),
    context.slo.window,
  ];
  const promql: PromqlExprTest[] = [
    {
      expr: rounded(sloSelector(context, SLO_ERROR_RATIO), digits),
      eval_time: '65m',
      exp_samples: windows.map(window => ({
        labels: labelsText('', { ...context.identity, window }),
        value: toNumber(eighth),
      })),
    },
    {
      expr: rounded(sloSelector(context, SLO_ERROR_BUDGET_REMAINING), digits),
      eval_time: '65m',
      exp_samples: [{ labels: labelsText('', context.identity), value: 0.875 }],
    },
    {
      expr: `round(${sloSelector(context, SLO_TOTAL_RATE)} * 60)`,
      eval_time: '65m',
      exp_samples: [
        { labels: labelsText('', context.identity), value: traffic },
      ],
    },
    {
      expr: `round(${sloSelector(context, SLO_ERRORS_RATE)} * 60)`,
      eval_time: '65m',
      exp_samples: [{ labels: labelsText('', context.identity), value: bad }],
    },
  ];
  const name = `(f) steady error ratio ${formatDecimal(
    eighth,
  )} (an eighth of the budget): recorded values`;
  return test(
    name,
    run,
    checkpointsAt(run, [13]).filter(c => c.step === 13),
    promql,
  );
}

/** (g) With `minEvents`, a full outage on too little traffic stays silent. */
export function lowTrafficScenario(
  setup: ScenarioSetup,
): ScenarioTest | undefined {
  const { numbers, slo } = setup.target.context;
  const minEvents = slo.alerting.minEvents;
  if (!setup.series || minEvents <= 0 || numbers.tiers.length === 0) {
    return undefined;
  }
  const longest = Math.max(
    ...numbers.tiers.map(t => durationSeconds(t.tier.longWindow) / 60),
  );
  // Largest power of ten at most half of minEvents per longest window.
  const perMinute = 10 ** Math.floor(Math.log10(minEvents / (2 * longest)));
  const run = new ScenarioRun(setup, [phase(120, 0, perMinute)]);
  const name =
    `(g) full outage at ${formatDecimal(
      decimal(perMinute),
    )} events/min, under minEvents=${minEvents} ` +
    `in every window: no burn alert`;
  const checkpoints = checkpointsAt(run, [12, 24]);
  for (const c of checkpoints) {
    claim(
      setup,
      name,
      !c.state.target.page && !c.state.target.ticket,
      'alerts',
    );
  }
  return test(name, run, checkpoints);
}
