/*
 * Integration: `GET .../slos` and `GET .../alerts` against a REAL Prometheus 2.42 and
 * Alertmanager, fed with the rules the render engine produces for the entity.
 *
 * Data: raw `http_requests_total` counters of a synthetic service (30 s samples over 7 days and
 * 4 hours, four traffic regimes) are backfilled with `promtool tsdb create-blocks-from
 * openmetrics`. The recording rules of `renderSloRuleGroups` are then backfilled in dependency
 * order with `promtool tsdb create-blocks-from rules` (5m rates over the whole history, then the
 * window ratios, then the budget left, each pass against a Prometheus that holds the previous
 * passes' blocks), so every recorded series has its full history and its last sample at a known
 * time shortly before the test queries. The final Prometheus loads the rendered alerting rules
 * only (recording rules evaluated live would add samples at other timestamps and move the
 * figures the test checks) and sends its alerts to a real Alertmanager.
 *
 * Expected values are computed in this file from the synthetic counters: a 5m rate is the slope
 * between the first and last counter samples in [t − 5m, t] (what `rate()` gives for 30 s
 * samples: it extrapolates both ends to the range boundaries); a window's error ratio is the sum
 * of the 5m error rates recorded in [t − window, t] over the sum of the total rates (Prometheus
 * 2.x range selectors include both ends), except the 1h ratio: the counters' slope over
 * [t − 1h, t]; burn rate = ratio ÷ (1 − objective); budget left
 * = 1 − ratio over the SLO window ÷ (1 − objective). Only the timestamps at which promtool
 * evaluated the rules are read from Prometheus (promtool aligns them to a per-group offset).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  RECORDED_WINDOWS,
  SloAlert,
  SloStatus,
  SloSummary,
} from '@lookout/plugin-observability-common';
import {
  PrometheusRuleGroup,
  readObservabilityConfig,
  renderSloRuleGroups,
} from '@lookout/plugin-observability-node';
import request from 'supertest';
import { stringify } from 'yaml';
import {
  backfillOpenMetrics,
  backfillRules,
  StackProcess,
  startAlertmanager,
  startPrometheus,
  DAY,
  HOUR,
  MINUTE,
  stackSuite,
} from '../__testUtils__/prometheusStack';
import { entityWithSlos, specOf } from '../__testUtils__/specs';
import { observabilityPlugin } from '../plugin';

const { binaries, describeWithStack } = stackSuite();
const SAMPLE_INTERVAL = 30;
const ENTITY_REF = 'component:default/checkout';

/** Requests per second by status code, by age (seconds before the end of the data). */
function trafficAt(age: number): Record<'200' | '404' | '500', number> {
  if (age > 3 * DAY) return { '200': 20, '404': 0.5, '500': 0.01 };
  if (age > 6 * HOUR) return { '200': 5, '404': 0.1, '500': 0.02 };
  if (age > 40 * MINUTE) return { '200': 10, '404': 0.2, '500': 0.05 };
  return { '200': 10, '404': 0.2, '500': 0.5 }; // the incident
}
const CODES = ['200', '404', '500'] as const;

const entity = entityWithSlos('checkout', 0, {
  'lookout.dev/slos': stringify([
    {
      name: 'availability',
      objective: 99.9,
      window: '7d',
      ratio: {
        errors: 'http_requests_total{job="checkout", code=~"5.."}',
        total: 'http_requests_total{job="checkout"}',
      },
    },
    {
      name: 'success',
      objective: 99,
      window: '7d',
      ratio: {
        good: 'http_requests_total{job="checkout", code=~"2.."}',
        total: 'http_requests_total{job="checkout"}',
      },
    },
  ]),
});

/** The counters on their 30 s grid: `start` + i × 30 s → value per code. */
class SyntheticCounters {
  readonly values: Record<string, number[]> = {
    '200': [],
    '404': [],
    '500': [],
  };

  constructor(readonly start: number, readonly end: number) {
    const totals = { '200': 1e6, '404': 1e5, '500': 1e4 };
    for (let t = start; t <= end; t += SAMPLE_INTERVAL) {
      for (const code of CODES) {
        this.values[code].push(totals[code]);
        totals[code] += trafficAt(end - t)[code] * SAMPLE_INTERVAL;
      }
    }
  }

  openMetrics(): string {
    const lines = ['# TYPE http_requests counter'];
    for (const code of CODES) {
      this.values[code].forEach((value, i) => {
        lines.push(
          `http_requests_total{code="${code}",job="checkout"} ${value} ${
            this.start + i * SAMPLE_INTERVAL
          }`,
        );
      });
    }
    lines.push('# EOF', '');
    return lines.join('\n');
  }

  /**
   * `rate(http_requests_total{code=<code>}[<range>])` at `t` (seconds), without the
   * extrapolation to the range's ends (the same factor for every code: their samples share
   * timestamps, so it cancels out of every ratio).
   */
  rate(code: string, t: number, range: number): number {
    const first = Math.ceil((t - range - this.start) / SAMPLE_INTERVAL);
    const last = Math.floor((t - this.start) / SAMPLE_INTERVAL);
    const values = this.values[code];
    return (values[last] - values[first]) / ((last - first) * SAMPLE_INTERVAL);
  }
}

/** Errors and total rates of one SLO at `t` over `range` (default 5m). */
type SliRates = (
  t: number,
  range?: number,
) => { errors: number; total: number };

/**
 * The SLIs of the two SLOs: `availability` counts 5xx as errors, `success` everything but 2xx.
 * One function each, without a branch on the SLO name: V8 (Node 22) was seen taking the wrong
 * side of such a branch once, while optimising the hot loop below, when it was written as one
 * closure over the name.
 */
const SLI_RATES: Record<string, (counters: SyntheticCounters) => SliRates> = {
  availability:
    counters =>
    (t, range = 5 * MINUTE) => {
      const errors = counters.rate('500', t, range);
      return {
        errors,
        total:
          counters.rate('200', t, range) +
          counters.rate('404', t, range) +
          errors,
      };
    },
  success:
    counters =>
    (t, range = 5 * MINUTE) => {
      const good = counters.rate('200', t, range);
      const total =
        good + counters.rate('404', t, range) + counters.rate('500', t, range);
      return { errors: Math.max(total - good, 0), total };
    },
};

/** Times of the recorded series of an SLO that ratios read (promtool offsets each rule group). */
interface RecordedTimes {
  /** `slo:sli_*:rate5m`, every minute. */
  rates: number[];
  /** `slo:sli_*:sum5m`, every 5 minutes. */
  sums: number[];
}

/** Prometheus 2 range selection: samples at times in [t - range, t]. */
function inRange(times: number[], t: number, seconds: number): number[] {
  return times.filter(s => s >= t - seconds && s <= t);
}

/**
 * The error ratio over `window` at `t`, as the rules compute it: over 1h from the raw counters
 * (the rates over the hour); otherwise from the recorded 5m rates; from 1d on, from their
 * 5-minute sums (each the rates of [s - 5m, s]).
 */
function handRatio(
  rates: SliRates,
  times: RecordedTimes,
  t: number,
  window: string,
): number {
  const seconds = windowSeconds(window);
  if (window === '5m') {
    // An instant selector: the latest rate sample at or before t (within the 5m lookback).
    const latest = Math.max(
      ...times.rates.filter(s => s <= t && s > t - 5 * MINUTE),
    );
    const { errors, total } = rates(latest);
    return errors / total;
  }
  if (window === '1h') {
    const { errors, total } = rates(t, HOUR);
    return errors / total;
  }
  const rateTimes =
    seconds >= DAY
      ? inRange(times.sums, t, seconds).flatMap(s =>
          inRange(times.rates, s, 5 * MINUTE),
        )
      : inRange(times.rates, t, seconds);
  let errors = 0;
  let total = 0;
  for (const s of rateTimes) {
    const r = rates(s);
    errors += r.errors;
    total += r.total;
  }
  return errors / total;
}

function windowSeconds(window: string): number {
  const units: Record<string, number> = { m: MINUTE, h: HOUR, d: DAY };
  return Number(window.slice(0, -1)) * units[window.slice(-1)];
}

function expectClose(actual: number | null | undefined, expected: number) {
  expect(actual).not.toBeNull();
  expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(
    1e-9 * Math.max(1, Math.abs(expected)),
  );
}

/** Rule groups with only the rules `keep` selects, evaluated every minute (promtool). */
function ruleFile(
  groups: PrometheusRuleGroup[],
  keep: (r: { record?: string; alert?: string }) => boolean,
  interval: string,
) {
  return stringify({
    groups: groups
      .map(group => ({ ...group, interval, rules: group.rules.filter(keep) }))
      .filter(group => group.rules.length > 0),
  });
}

describeWithStack(
  'GET .../slos and .../alerts against a real Prometheus and Alertmanager',
  () => {
    jest.setTimeout(240_000);

    const dir = mkdtempSync(join(tmpdir(), 'lookout-prometheus-'));
    const dataDir = join(dir, 'data');
    const processes: StackProcess[] = [];
    let prometheus: StackProcess;
    let alertmanager: StackProcess;
    let counters: SyntheticCounters;
    /** Times of the recorded rates and sums, per SLO. */
    const recordedTimes: Record<string, RecordedTimes> = {};

    async function startProm(config: object, extraArgs: string[] = []) {
      const configFile = join(dir, `prometheus-${processes.length}.yml`);
      writeFileSync(configFile, stringify(config));
      const started = await startPrometheus({
        extraArgs,
        binary: binaries!.prometheus,
        configFile,
        dataDir,
      });
      processes.push(started);
      return started;
    }

    async function promQuery(query: string, time: number) {
      const res = await fetch(
        `${prometheus.url}/api/v1/query?${new URLSearchParams({
          query,
          time: String(time),
        })}`,
      );
      const body = (await res.json()) as {
        data: {
          result: Array<{
            metric: Record<string, string>;
            value?: [number, string];
            values?: Array<[number, string]>;
          }>;
        };
      };
      return body.data.result;
    }

    /** The time of the last sample of a recorded series (where promtool last evaluated it). */
    async function lastSampleTime(
      selector: string,
      now: number,
    ): Promise<number> {
      const [series] = await promQuery(`timestamp(${selector})`, now);
      return Number(series.value![1]);
    }

    beforeAll(async () => {
      const end = Math.floor(Date.now() / 1000 / MINUTE) * MINUTE - MINUTE;
      const start = end - 7 * DAY - 4 * HOUR;
      counters = new SyntheticCounters(start, end);
      const metricsFile = join(dir, 'counters.om');
      writeFileSync(metricsFile, counters.openMetrics());
      await backfillOpenMetrics(binaries!.promtool, metricsFile, dataDir);

      const { groups } = renderSloRuleGroups(
        { entity, spec: specOf(entity) },
        readObservabilityConfig(new ConfigReader({})).renderOptions,
      );
      const passes: Array<{
        records: string[];
        from: number;
        interval?: string;
      }> = [
        {
          records: ['slo:sli_errors:rate5m', 'slo:sli_total:rate5m'],
          from: start + 10 * MINUTE,
        },
        {
          records: ['slo:sli_errors:sum5m', 'slo:sli_total:sum5m'],
          from: start + 15 * MINUTE,
          interval: '300s', // as the sums group: consecutive sums tile the rates
        },
        {
          records: ['slo:sli_error:ratio', 'slo:objective:ratio', 'slo_info'],
          from: end - 2 * HOUR,
        },
        { records: ['slo:error_budget_remaining:ratio'], from: end - 2 * HOUR },
      ];
      for (const [index, pass] of passes.entries()) {
        const backfiller = await startProm({
          global: { scrape_interval: '1m' },
        });
        const file = join(dir, `pass-${index}.rules.yml`);
        writeFileSync(
          file,
          ruleFile(
            groups,
            r => pass.records.includes(r.record ?? ''),
            pass.interval ?? '60s',
          ),
        );
        await backfillRules({
          promtool: binaries!.promtool,
          prometheusUrl: backfiller.url,
          ruleFile: file,
          start: pass.from,
          end,
          outputDir: join(dir, `pass-${index}`),
          dataDir,
        });
        await backfiller.stop();
      }

      const amConfig = join(dir, 'alertmanager.yml');
      writeFileSync(
        amConfig,
        stringify({
          route: { receiver: 'null' },
          receivers: [{ name: 'null' }],
        }),
      );
      alertmanager = await startAlertmanager({
        binary: binaries!.alertmanager,
        configFile: amConfig,
        dataDir: join(dir, 'alertmanager'),
      });
      processes.push(alertmanager);
      const alertRules = join(dir, 'alerts.rules.yml');
      writeFileSync(
        alertRules,
        ruleFile(groups, r => Boolean(r.alert), '1s'),
      );
      // Alerts are (re)sent every second, so Alertmanager has them as soon as Prometheus has
      // discovered it (the first notifications go nowhere; the default resend delay is 1m).
      prometheus = await startProm(
        {
          global: { evaluation_interval: '1s' },
          rule_files: [alertRules],
          alerting: {
            alertmanagers: [
              {
                static_configs: [
                  { targets: [alertmanager.url.replace('http://', '')] },
                ],
              },
            ],
          },
        },
        ['--rules.alert.resend-delay=1s'],
      );

      const timesOf = async (selector: string) => {
        const [series] = await promQuery(
          `${selector}[${8 * DAY}s]`,
          Date.now() / 1000,
        );
        return series.values!.map(([t]) => t);
      };
      for (const slo of ['availability', 'success']) {
        recordedTimes[slo] = {
          rates: await timesOf(`slo:sli_total:rate5m{slo="${slo}"}`),
          sums: await timesOf(`slo:sli_total:sum5m{slo="${slo}"}`),
        };
      }
    });

    afterAll(async () => {
      for (const process of processes) {
        await process.stop();
      }
      rmSync(dir, { recursive: true, force: true });
    });

    async function startBackend(withAlertmanager: boolean) {
      const { server } = await startTestBackend({
        features: [
          observabilityPlugin,
          catalogServiceMock.factory({ entities: [entity] }),
          mockServices.rootConfig.factory({
            data: {
              observability: {
                provisioning: { enabled: false },
                prometheus: { url: prometheus.url },
                ...(withAlertmanager && {
                  alertmanager: { url: alertmanager.url },
                }),
              },
            },
          }),
        ],
      });
      return (path: string) =>
        request(server)
          .get(
            path.startsWith('/')
              ? `/api/observability${path}`
              : `/api/observability/entities/by-name/component/default/checkout/${path}`,
          )
          .set('Authorization', mockCredentials.user.header());
    }

    it('answers error ratio, budget left and burn rates equal to the hand computation', async () => {
      const get = await startBackend(true);
      const res = await get('slos');
      expect(res.status).toBe(200);
      const now = Date.now() / 1000;
      expect(res.body.items.map((i: SloStatus) => i.name)).toEqual([
        'availability',
        'success',
      ]);

      for (const item of res.body.items as SloStatus[]) {
        const rates = SLI_RATES[item.name](counters);
        const budget = item.name === 'availability' ? 0.001 : 0.01;
        const id = `slo="${item.name}", backstage_entity="${ENTITY_REF}"`;

        const sloWindowAt = await lastSampleTime(
          `slo:sli_error:ratio{${id}, window="7d"}`,
          now,
        );
        const ratio = handRatio(
          rates,
          recordedTimes[item.name],
          sloWindowAt,
          '7d',
        );
        expectClose(item.errorRatio, ratio);
        const budgetAt = await lastSampleTime(
          `slo:error_budget_remaining:ratio{${id}}`,
          now,
        );
        // promtool evaluated the budget at its own times (the offset hashes the rule file's
        // name): it read the latest SLO-window ratio at or before each of them.
        const ratioForBudget =
          sloWindowAt <= budgetAt ? sloWindowAt : sloWindowAt - MINUTE;
        expectClose(
          item.errorBudgetRemaining,
          1 -
            handRatio(rates, recordedTimes[item.name], ratioForBudget, '7d') /
              budget,
        );

        for (const window of RECORDED_WINDOWS) {
          const at = await lastSampleTime(
            `slo:sli_error:ratio{${id}, window="${window}"}`,
            now,
          );
          expectClose(
            item.burnRates[window],
            handRatio(rates, recordedTimes[item.name], at, window) / budget,
          );
        }
        expect(item.objective).toBe(1 - budget);
      }

      // The incident shows: a fast burn in the short windows, a slow one over the week.
      const [availability] = res.body.items as SloStatus[];
      expect(availability.burnRates['5m']).toBeGreaterThan(14.4);
      expect(availability.burnRates['3d']!).toBeLessThan(
        availability.burnRates['1h']!,
      );
    });

    it('charts the budget left up to its last recorded value', async () => {
      const get = await startBackend(true);
      const res = await get('slos').query({
        from: String(Date.now() - 3 * 3_600_000),
        to: String(Date.now()),
      });
      expect(res.status).toBe(200);
      const [availability] = res.body.items as SloStatus[];
      const points = availability.series.errorBudgetRemaining.filter(
        ([, v]) => v !== null,
      );
      // Two hours of backfilled history at a 60 s step.
      expect(points.length).toBeGreaterThan(100);
      expect(
        availability.series.errorBudgetRemaining.length,
      ).toBeLessThanOrEqual(250);
      expectClose(
        points[points.length - 1][1],
        availability.errorBudgetRemaining!,
      );
      expect(availability.series.errorRatioWindow).toBe('5m');
    });

    it('shows the firing page alert from Alertmanager in .../alerts and .../slos', async () => {
      const get = await startBackend(true);
      const deadline = Date.now() + 60_000;
      let alerts = await get('alerts');
      while (
        !alerts.body.items?.some?.(
          (a: SloAlert) =>
            a.name === 'ErrorBudgetBurn' &&
            a.severity === 'page' &&
            a.labels?.slo === 'availability',
        ) &&
        Date.now() < deadline
      ) {
        await new Promise(resolve => setTimeout(resolve, 500));
        alerts = await get('alerts');
      }
      expect(alerts.status).toBe(200);
      expect(alerts.body.items).toContainEqual(
        expect.objectContaining({
          name: 'ErrorBudgetBurn',
          severity: 'page',
          state: 'firing',
          labels: expect.objectContaining({
            slo: 'availability',
            backstage_entity: ENTITY_REF,
          }),
          url: expect.stringContaining(alertmanager.url),
        }),
      );
      const slos = await get('slos');
      const [availability] = slos.body.items as SloStatus[];
      expect(availability.alerts).toContainEqual(
        expect.objectContaining({
          name: 'ErrorBudgetBurn',
          severity: 'page',
          state: 'firing',
        }),
      );
    });

    it('answers the catalog-wide summary with the same figures', async () => {
      const get = await startBackend(false);
      const [entitySlos, summary] = await Promise.all([
        get('slos'),
        get('/slos'),
      ]);
      expect(summary.status).toBe(200);
      expect(summary.body.totalItems).toBe(2);
      for (const [index, row] of (
        summary.body.items as SloSummary[]
      ).entries()) {
        const item = (entitySlos.body.items as SloStatus[])[index];
        expect(row).toMatchObject({
          entityRef: ENTITY_REF,
          name: item.name,
          errorRatio: item.errorRatio,
          errorBudgetRemaining: item.errorBudgetRemaining,
        });
      }
      // The incident pages for availability: its ErrorBudgetBurn alert is firing.
      expect((summary.body.items as SloSummary[])[0].state).toBe('firing');
    });

    it("reads the alerts from Prometheus' ALERTS series without an Alertmanager", async () => {
      const get = await startBackend(false);
      const res = await get('slos');
      const [availability] = res.body.items as SloStatus[];
      const page = availability.alerts.find(a => a.severity === 'page');
      expect(page).toMatchObject({ name: 'ErrorBudgetBurn', state: 'firing' });
      // ALERTS_FOR_STATE tells since when: this Prometheus started minutes ago at most.
      expect(page!.activeAt).toBeGreaterThan(Date.now() - 10 * 60_000);
      expect(page!.activeAt).toBeLessThanOrEqual(Date.now());
    });
  },
);
