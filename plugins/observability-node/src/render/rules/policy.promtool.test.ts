/*
 * The alerting policy of docs/slo-alerting.md, proven with the real promtool against the rules
 * the renderer writes: 5 windows × 3 objectives × 6 scenarios (steady burns of 0.5×, 0.9×, 1.2×,
 * 2×, 10× and a full outage after a healthy hour).
 *
 * Independent of the generator on purpose: the expected outcomes below are copied by hand from
 * the policy's tables; nothing here imports the tier table, the factors or the alert rules.
 * Only the renderer's entry point is used, to get the rules under test.
 *
 * Speed: a steady burn is the same at every instant, so those scenarios evaluate every 6 hours
 * (over raw counters sampled every minute, which the 5m rate needs) and check "never fired over
 * the whole window" in one query over the stored `ALERTS` series. The outage evaluates every
 * minute but lasts only 100 minutes. Groups are evaluated in file order (the 5-minute sums after
 * the rates they add up); promtool otherwise picks a random order at each step.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SloSpec } from '@lookout/plugin-observability-common';
import {
  availabilitySlo,
  renderInput,
  renderOptions,
} from '../../__fixtures__/renderInputs';
import { toYaml } from '../output/serialize';
import { inBatches, requireTool, runTool } from './__testUtils__/externalTools';
import { renderSloRuleGroups } from './renderSloRuleGroups';

/** SLO windows and their length in minutes. */
const WINDOWS: Array<{ window: string; minutes: number }> = [
  { window: '7d', minutes: 7 * 1440 },
  { window: '14d', minutes: 14 * 1440 },
  { window: '28d', minutes: 28 * 1440 },
  { window: '30d', minutes: 30 * 1440 },
  { window: '90d', minutes: 90 * 1440 },
];

/**
 * Objectives, their budgets, and from the policy's "time to fire on a full outage" table the
 * minute after the outage's start by which the page fires.
 */
const OBJECTIVES: Array<{
  objective: number;
  budget: number;
  pagesWithinMinutes: number;
}> = [
  { objective: 99, budget: 0.01, pagesWithinMinutes: 9 },
  { objective: 99.9, budget: 0.001, pagesWithinMinutes: 4 },
  { objective: 99.99, budget: 0.0001, pagesWithinMinutes: 3 },
];

/**
 * Steady burns and what the policy says they raise: nothing up to 1×, a ticket above 1.1×, a page
 * above 6× (the same at every window and at these objectives). "Within 12 hours" (two evaluations: the 1d and 3d windows read the 5-minute sums of the previous one) is before the
 * budget is gone at every window (10× at 7d spends it in 16.8 hours).
 */
const STEADY_BURNS: Array<{ burn: number; page: boolean; ticket: boolean }> = [
  { burn: 0.5, page: false, ticket: false },
  { burn: 0.9, page: false, ticket: false },
  { burn: 1.2, page: false, ticket: true },
  { burn: 2, page: false, ticket: true },
  { burn: 10, page: true, ticket: true },
];

const RAISED_BY = '12h';

/** Requests per minute in every scenario. */
const REQUESTS_PER_MINUTE = 1000;

const promtool = requireTool('promtool');

function slo(window: string, objective: number): SloSpec {
  return {
    ...availabilitySlo,
    name: 'availability',
    objective,
    window,
    alerting: { page: true, ticket: true, minEvents: 0 },
    labels: {},
  };
}

/** A number as promtool's series notation reads it, without binary noise. */
function num(value: number): string {
  return String(Number(value.toPrecision(12)));
}

function counters(
  goodPerMinute: string,
  badPerMinute: string,
): Array<{ series: string; values: string }> {
  return [
    {
      series: 'http_requests_total{job="checkout", code="200"}',
      values: goodPerMinute,
    },
    {
      series: 'http_requests_total{job="checkout", code="500"}',
      values: badPerMinute,
    },
  ];
}

const BURN = 'ALERTS{alertname="ErrorBudgetBurn"}';
const firing = (severity: string) =>
  `count(ALERTS{alertname="ErrorBudgetBurn", alertstate="firing", severity="${severity}"})`;
const FIRING: Array<{ labels: string; value: number }> = [
  { labels: '{}', value: 1 },
];

function steadyTests(minutes: number, budget: number, window: string) {
  const whole = `${minutes + 1440}m`;
  return STEADY_BURNS.map(({ burn, page, ticket }) => {
    const bad = burn * budget * REQUESTS_PER_MINUTE;
    const good = REQUESTS_PER_MINUTE - bad;
    const checks = [];
    if (!page && !ticket) {
      checks.push({
        expr: `count_over_time(${BURN}[${whole}])`,
        eval_time: `${minutes}m`,
        exp_samples: [],
      });
    }
    if (!page) {
      checks.push({
        expr: `count_over_time(ALERTS{alertname="ErrorBudgetBurn", severity="page"}[${whole}])`,
        eval_time: `${minutes}m`,
        exp_samples: [],
      });
    }
    if (ticket) {
      checks.push({
        expr: firing('ticket'),
        eval_time: RAISED_BY,
        exp_samples: FIRING,
      });
    }
    if (page) {
      checks.push({
        expr: firing('page'),
        eval_time: RAISED_BY,
        exp_samples: FIRING,
      });
    }
    return {
      name: `${window}: steady ${burn}x burn: page ${page}, ticket ${ticket}`,
      interval: '1m',
      input_series: counters(
        `0+${num(good)}x${minutes + 60}`,
        `0+${num(bad)}x${minutes + 60}`,
      ),
      promql_expr_test: checks,
    };
  });
}

function outageTest(pagesWithinMinutes: number, window: string) {
  const rpm = REQUESTS_PER_MINUTE;
  return {
    name: `${window}: full outage after a healthy hour pages within ${pagesWithinMinutes} minutes`,
    interval: '1m',
    input_series: counters(
      `0+${rpm}x60 ${60 * rpm}x40`,
      `0x60 ${rpm}+${rpm}x39`,
    ),
    promql_expr_test: [
      {
        expr: `count_over_time(${BURN}[61m])`,
        eval_time: '60m',
        exp_samples: [],
      },
      {
        expr: firing('page'),
        eval_time: `${60 + pagesWithinMinutes}m`,
        exp_samples: FIRING,
      },
      { expr: firing('page'), eval_time: '70m', exp_samples: FIRING },
    ],
  };
}

function policySuite(promtoolPath: string) {
  describe('alerting policy of docs/slo-alerting.md under the real promtool', () => {
    let dir: string;
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'lookout-policy-'));
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('holds for every window × objective × steady burn and a full outage (90 scenarios)', async () => {
      const cases = WINDOWS.flatMap(({ window, minutes }) =>
        OBJECTIVES.map(({ objective, budget, pagesWithinMinutes }) => ({
          window,
          minutes,
          objective,
          budget,
          pagesWithinMinutes,
        })),
      );
      const runs = await inBatches(
        cases.map(c => async () => {
          const base = `${c.window}-${c.objective}`;
          const rules = join(dir, `${base}.rules.yaml`);
          const input = renderInput({ slos: [slo(c.window, c.objective)] });
          const { groups } = renderSloRuleGroups(input, renderOptions);
          writeFileSync(rules, toYaml({ groups }));
          // In file order, as Prometheus runs one group's rules (promtool's default is random).
          const order = groups.map(g => g.name);
          const label = `${c.window} ${c.objective}%`;
          const steady = join(dir, `${base}.steady.test.yaml`);
          writeFileSync(
            steady,
            toYaml({
              rule_files: [rules],
              evaluation_interval: '6h',
              group_eval_order: order,
              tests: steadyTests(c.minutes, c.budget, label),
            }),
          );
          const outage = join(dir, `${base}.outage.test.yaml`);
          writeFileSync(
            outage,
            toYaml({
              rule_files: [rules],
              evaluation_interval: '1m',
              group_eval_order: order,
              tests: [outageTest(c.pagesWithinMinutes, label)],
            }),
          );
          const result = await runTool(
            promtoolPath,
            ['test', 'rules', steady, outage],
            { timeoutMs: 170_000 },
          );
          return { label, ...result };
        }),
        2,
      );
      const failures = runs
        .filter(r => r.code !== 0)
        .map(r => `${r.label}:\n${r.stdout}${r.stderr}`);
      expect(failures).toEqual([]);
      expect(runs).toHaveLength(15);
    }, 300_000);
  });
}

if (promtool) {
  policySuite(promtool);
} else {
  it.todo('alerting policy matrix: SKIPPED, promtool is not installed');
}
