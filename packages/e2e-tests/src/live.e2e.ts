/*
 * The whole loop with real parts: the demo service emits telemetry, Lookout provisions its rules
 * into a real Prometheus through the prometheus-files sink, an outage burns the budget, the page
 * alert fires in Prometheus and reaches Alertmanager, and the SLOs tab in Chromium shows it.
 *
 * It measures time to detect (docs/benchmarks.md, "Time to detect") and prints it: the seconds
 * from the outage's start to the page firing in Prometheus (the alert's `activeAt`, the
 * evaluation that fired it), to the alert in Alertmanager's API, to Alertmanager's notification
 * (a webhook), and to the alert on the SLOs tab (reloaded back to back until it shows it, not
 * waiting for the tab's own 30 s refresh). Before each outage Prometheus restarts on empty
 * storage with a healthy history backfilled (timeToDetect.ts: the recorded rates and the raw
 * request counters over 6 hours and the sums over 3 days, at the demo service's measured
 * traffic, as after days of normal traffic) and scrapes for a full 5-minute rate window. The
 * intervals come from the environment, so that the same test measures a production-like setup:
 *
 *   LOOKOUT_LIVE_SCRAPE_INTERVAL=15s LOOKOUT_LIVE_EVALUATION_INTERVAL=30s LOOKOUT_LIVE_RUNS=3 \
 *     yarn test:e2e:live
 *
 * (defaults: 5s, 5s, 1 run, Alertmanager `group_wait` 30s via LOOKOUT_LIVE_GROUP_WAIT).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Browser, Page } from 'playwright-core';
import { launchChromium, requireChromium } from './chromium';
import {
  DevStack,
  missingBinaries,
  startDevStack,
  STACK_BINARIES,
} from './devStack';
import { saveFailureScreenshot, saveReadmeScreenshot } from './screenshots';
import {
  RunningLookout,
  START_HOOK_TIMEOUT_MS,
  startLookout,
} from './startLookout';
import {
  DEMO_ENTITY,
  DETECTION_OPTIONS,
  detectionOptionRules,
  durationSeconds,
  healthyHistoryOpenMetrics,
  measureRequestRate,
  minMedianMax,
  REQUESTS,
} from './timeToDetect';
import { freePort } from './upstreams/testUpstreams';

const ENTITY = DEMO_ENTITY;
const TRAFFIC_PER_SECOND = 20;
const SCRAPE_INTERVAL = process.env.LOOKOUT_LIVE_SCRAPE_INTERVAL;
const EVALUATION_INTERVAL =
  process.env.LOOKOUT_LIVE_EVALUATION_INTERVAL ?? '5s';
const GROUP_WAIT = process.env.LOOKOUT_LIVE_GROUP_WAIT ?? '30s';
const RUNS = Number(process.env.LOOKOUT_LIVE_RUNS ?? '1');
/** Hours of healthy history before each outage (the longest page window is 6h). */
const HISTORY_MINUTES = 6 * 60;
/** The demo service's own scrape interval (lookout.dev/metrics-interval) unless overridden. */
const EFFECTIVE_SCRAPE_INTERVAL = SCRAPE_INTERVAL ?? '5s';

function haveStack(): boolean {
  const missing = missingBinaries();
  if (missing.length === 0) return true;
  const message = `missing ${missing.join(
    ', ',
  )}: install the Debian packages ${missing
    .map(m => STACK_BINARIES[m])
    .join(' ')} to run the live end-to-end test`;
  if (process.env.CI) throw new Error(message);
  // eslint-disable-next-line no-console
  console.warn(`\n*** SKIPPED: ${message} ***\n`);
  return false;
}

const runLive = requireChromium() && haveStack();
const describeLive = runLive ? describe : describe.skip;

async function poll<T>(
  what: string,
  timeoutMs: number,
  probe: () => Promise<T | undefined>,
  everyMs = 2000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise(r => setTimeout(r, everyMs));
  }
}

const isPage = (labels: Record<string, string>) =>
  labels.alertname === 'ErrorBudgetBurn' &&
  labels.severity === 'page' &&
  labels.slo === 'availability' &&
  labels.backstage_entity === ENTITY;

/** One outage's figures, seconds after its start. */
interface Detection {
  prometheus: number;
  alertmanager: number;
  notification: number;
  slosTab: number;
  /** Each option's alert (DETECTION_OPTIONS), when it had fired within OPTIONS_LIMIT_MS of the outage. */
  options: Record<string, number | null>;
  /** slo:sli_total:rate5m just before the outage. */
  requestsPerSecond: number;
}

const seconds = (ms: number) => Math.round(ms / 100) / 10;

/** How long after the outage's start the options may take to fire (the slowest: ~3 minutes). */
const OPTIONS_LIMIT_MS = 5 * 60_000;

describeLive(
  'from an annotation to a firing alert on the service page (live)',
  () => {
    let dir: string;
    let stack: DevStack;
    let lookout: RunningLookout;
    let browser: Browser;
    let webhook: Server;
    /** Epoch ms of each page notification Alertmanager posted. */
    const notified: number[] = [];
    /** The demo service's measured request rate, backfilled as the healthy history's traffic. */
    let historyRate: number | undefined;

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'lookout-live-'));
      webhook = createServer((req, res) => {
        let body = '';
        req.on('data', d => (body += d));
        req.on('end', () => {
          try {
            const { alerts } = JSON.parse(body);
            if (alerts.some((a: any) => isPage(a.labels))) {
              notified.push(Date.now());
            }
          } catch {
            // not a notification
          }
          res.end();
        });
      });
      await new Promise<void>(r => webhook.listen(0, '127.0.0.1', r));
      const webhookPort = (webhook.address() as { port: number }).port;
      const step = durationSeconds(EVALUATION_INTERVAL);
      stack = await startDevStack({
        directory: join(dir, 'stack'),
        prometheusPort: await freePort(),
        alertmanagerPort: await freePort(),
        pushgatewayPort: await freePort(),
        demoPort: await freePort(),
        // The demo service's metrics port is the one its catalog entry names (127.0.0.1:9464).
        trafficPerSecond: TRAFFIC_PER_SECOND,
        scrapeInterval: SCRAPE_INTERVAL,
        evaluationInterval: EVALUATION_INTERVAL,
        groupWait: GROUP_WAIT,
        webhookUrl: `http://127.0.0.1:${webhookPort}/`,
        history: () =>
          historyRate === undefined
            ? ''
            : healthyHistoryOpenMetrics({
                end: Date.now(),
                minutes: HISTORY_MINUTES,
                stepSeconds: step,
                scrapeSeconds: durationSeconds(EFFECTIVE_SCRAPE_INTERVAL),
                requestsPerSecond: historyRate,
              }),
        extraRules: { 'time-to-detect-options.yaml': detectionOptionRules() },
      });
      // One failed request before Prometheus scrapes, so that the server-error series exists
      // before the outage, as on a service that has ever answered a 5xx.
      await setErrorRate(1);
      await fetch(`${stack.demoUrl}/api/items`).catch(() => undefined);
      await setErrorRate(0);
      const config = join(dir, 'app-config.live.yaml');
      writeFileSync(
        config,
        [
          'observability:',
          '  provisioning:',
          '    schedule:',
          '      frequency: { seconds: 5 }',
          '    sinks:',
          '      - type: prometheus-files',
          `        rulesDirectory: ${stack.rulesDirectory}`,
          `        targetsDirectory: ${stack.targetsDirectory}`,
          `        reloadUrl: ${stack.prometheusUrl}/-/reload`,
          '  prometheus:',
          `    url: ${stack.prometheusUrl}`,
          '  alertmanager:',
          `    url: ${stack.alertmanagerUrl}`,
          '',
        ].join('\n'),
      );
      lookout = await startLookout({ configs: [config] });
      browser = await launchChromium();
    }, START_HOOK_TIMEOUT_MS);

    afterAll(async () => {
      await setErrorRate(0).catch(() => undefined);
      await browser?.close();
      await lookout?.stop();
      await stack?.stop();
      await new Promise(r => (webhook ? webhook.close(r) : r(undefined)));
      if (dir) rmSync(dir, { recursive: true, force: true });
    }, 60_000);

    async function setErrorRate(errorRate: number) {
      const res = await fetch(`${stack.demoUrl}/admin/behaviour`, {
        method: 'PUT',
        body: JSON.stringify({ errorRate }),
      });
      if (!res.ok) throw new Error(`demo service answered ${res.status}`);
    }

    async function query(promql: string): Promise<any[]> {
      const body = await (
        await fetch(
          `${stack.prometheusUrl}/api/v1/query?query=${encodeURIComponent(
            promql,
          )}`,
        )
      ).json();
      return body.data.result;
    }

    /** Loads the SLOs tab and resolves with whether it shows the page alert firing. */
    async function slosTabShowsPage(page: Page): Promise<boolean> {
      await page.goto(
        `${lookout.appUrl}/catalog/default/component/demo-service/slos`,
      );
      const details = page.getByRole('region', {
        name: 'SLO availability details',
      });
      await details
        .getByText(/No alert is firing or pending\.|ErrorBudgetBurn \(/)
        .first()
        .waitFor({ state: 'visible', timeout: 60_000 });
      return (await details.innerText()).includes(
        'ErrorBudgetBurn (page) — firing',
      );
    }

    /**
     * Restarts Prometheus with the healthy history at the traffic the demo service gets on this
     * machine, lets it scrape for a full 5-minute rate window, breaks the demo service and
     * measures until the SLOs tab shows the page.
     */
    async function measureOutage(page: Page): Promise<Detection> {
      await setErrorRate(0);
      historyRate = await measureRequestRate(
        'http://127.0.0.1:9464/metrics',
        20_000,
      );
      await stack.resetPrometheusAndAlertmanager();
      const restarted = Date.now();
      await poll('healthy traffic recorded', 3 * 60_000, async () => {
        const result = await query(
          `slo:sli_total:rate5m{backstage_entity="${ENTITY}", slo="availability"} > 0`,
        );
        return result.length > 0 ? true : undefined;
      });
      // A rate over 5 minutes of a series scraped for less is too low (Prometheus extrapolates
      // half an interval at most): the outage starts once the window holds only live scrapes.
      const windowFull =
        restarted +
        (300 + 2 * durationSeconds(EFFECTIVE_SCRAPE_INTERVAL)) * 1000;
      await new Promise(r =>
        setTimeout(r, Math.max(0, windowFull - Date.now())),
      );
      await poll(
        'the SLOs tab without a firing page',
        2 * 60_000,
        async () => ((await slosTabShowsPage(page)) ? undefined : true),
        1000,
      );
      const [traffic] = await query(
        `slo:sli_total:rate5m{backstage_entity="${ENTITY}", slo="availability"}`,
      );
      // The 1h error ratio reads the raw counters over the hour: they must hold an hour of
      // traffic (the backfilled history, then the live scrapes), or the outage fills a window of
      // a few minutes and pages within seconds.
      const [hour] = await query(
        `sum(increase(${REQUESTS}{backstage_entity="${ENTITY}"}[1h]))`,
      );
      expect(Number(hour?.value[1])).toBeGreaterThan(0.8 * 3600 * historyRate!);
      const notifiedBefore = notified.length;

      await setErrorRate(1);
      const outageStart = Date.now();
      const after = (at: number) => seconds(at - outageStart);
      const limit = 5 * 60_000;

      const inPrometheus = poll(
        'ErrorBudgetBurn page firing in Prometheus',
        limit,
        async () => {
          const body = await (
            await fetch(`${stack.prometheusUrl}/api/v1/alerts`)
          ).json();
          const firing = body.data.alerts.find(
            (a: any) => isPage(a.labels) && a.state === 'firing',
          );
          return firing ? Date.parse(firing.activeAt) : undefined;
        },
        500,
      );
      const inAlertmanager = poll(
        'the page alert in Alertmanager',
        limit + 60_000,
        async () => {
          const alerts = await (
            await fetch(`${stack.alertmanagerUrl}/api/v2/alerts`)
          ).json();
          return alerts.some((a: any) => isPage(a.labels))
            ? Date.now()
            : undefined;
        },
        500,
      );
      const notification = poll(
        'the page notification',
        limit + 2 * 60_000 + durationSeconds(GROUP_WAIT) * 1000,
        async () => notified[notifiedBefore],
        250,
      );
      const onTab = poll(
        'the page alert on the SLOs tab',
        limit + 2 * 60_000,
        async () => ((await slosTabShowsPage(page)) ? Date.now() : undefined),
        0,
      );
      const [firedAt, alertmanagerAt, notifiedAt, tabAt] = await Promise.all([
        inPrometheus,
        inAlertmanager,
        notification,
        onTab,
      ]);

      // The options (the old 1h form fires about 2 minutes after Lookout's page).
      let options: Record<string, number | null> = {};
      for (;;) {
        const body = await (
          await fetch(`${stack.prometheusUrl}/api/v1/alerts`)
        ).json();
        options = Object.fromEntries(
          Object.keys(DETECTION_OPTIONS).map(name => {
            const alert = body.data.alerts.find(
              (a: any) => a.labels.alertname === name && a.state === 'firing',
            );
            return [name, alert ? after(Date.parse(alert.activeAt)) : null];
          }),
        );
        const pending = Object.values(options).some(s => s === null);
        if (!pending || Date.now() - outageStart > OPTIONS_LIMIT_MS) break;
        await new Promise(r => setTimeout(r, 1000));
      }
      return {
        prometheus: after(firedAt),
        alertmanager: after(alertmanagerAt),
        notification: after(notifiedAt),
        slosTab: after(tabAt),
        options,
        requestsPerSecond: traffic ? Number(traffic.value[1]) : NaN,
      };
    }

    it(
      'provisions the rules, pages within 5 minutes of an outage, and shows it on the SLOs tab',
      async () => {
        // 1. The backend provisions the demo service's rules and targets into Prometheus.
        await poll(
          'the demo service rules in Prometheus',
          3 * 60_000,
          async () => {
            const res = await fetch(
              `${stack.prometheusUrl}/api/v1/rules?type=alert`,
            );
            const body = await res.json();
            const found = JSON.stringify(body.data.groups).includes(ENTITY);
            return found ? true : undefined;
          },
        );
        const page = await browser.newPage({
          viewport: { width: 1400, height: 1000 },
        });
        await page.goto(lookout.appUrl);
        await page.getByRole('button', { name: /enter/i }).click();
        await page
          .getByRole('link', { name: 'demo-service' })
          .first()
          .waitFor({ state: 'visible', timeout: 60_000 });

        // 2. Outages (every request fails), each after hours of healthy history: the page fires
        // in Prometheus within 5 minutes, reaches Alertmanager and shows on the SLOs tab.
        const runs: Detection[] = [];
        const setup = `scrape ${EFFECTIVE_SCRAPE_INTERVAL}, evaluation ${EVALUATION_INTERVAL}, group_wait ${GROUP_WAIT}`;
        for (let run = 0; run < RUNS; run++) {
          let detection: Detection;
          try {
            detection = await measureOutage(page);
          } catch (e) {
            await saveFailureScreenshot(page, 'slos-tab');
            throw e;
          }
          runs.push(detection);
          // eslint-disable-next-line no-console
          console.log(
            `time to detect, run ${run + 1}/${RUNS} (${setup}): outage → ` +
              `firing in Prometheus ${detection.prometheus} s, ` +
              `in Alertmanager ${detection.alertmanager} s, ` +
              `notified ${detection.notification} s, ` +
              `on the SLOs tab ${
                detection.slosTab
              } s; options: ${Object.entries(detection.options)
                .map(([name, s]) => `${name} ${s ?? 'not yet'} s`)
                .join(', ')}; traffic ${detection.requestsPerSecond.toFixed(
                1,
              )} req/s (history ${historyRate?.toFixed(
                1,
              )} req/s)\ntime-to-detect ${JSON.stringify({
                setup,
                historyRequestsPerSecond: historyRate,
                ...detection,
              })}`,
          );
          expect(detection.prometheus).toBeLessThan(5 * 60);
          expect(detection.alertmanager).toBeGreaterThanOrEqual(
            detection.prometheus - 1,
          );
          expect(detection.slosTab).toBeGreaterThanOrEqual(
            detection.prometheus - 1,
          );
        }
        if (RUNS > 1) {
          const summary = (pick: (d: Detection) => number) => {
            const { min, median, max } = minMedianMax(runs.map(pick));
            return `min ${min} / median ${median} / max ${max} s`;
          };
          // eslint-disable-next-line no-console
          console.log(
            `time to detect over ${RUNS} runs (${setup}): ` +
              `Prometheus ${summary(d => d.prometheus)}; ` +
              `Alertmanager ${summary(d => d.alertmanager)}; ` +
              `notification ${summary(d => d.notification)}; ` +
              `SLOs tab ${summary(d => d.slosTab)}`,
          );
        }

        // 3. The SLO-window ratio adds up the 5-minute sums (a group evaluated every 5m, whatever
        // the global interval) and the budget is evaluated every 2m: the outage shows in the
        // budget up to 7 minutes after it started.
        await poll('the error budget to fall', 9 * 60_000, async () => {
          const result = await query(
            `slo:error_budget_remaining:ratio{backstage_entity="${ENTITY}", slo="availability"} < 1`,
          );
          return result.length > 0 ? true : undefined;
        });

        // 4. The SLOs tab shows the firing page alert and a falling budget: reloaded until the
        // budget has fallen there too, as the backend may answer from its cache (10 s) of a
        // Prometheus answer older than the fall.
        const details = page.getByRole('region', {
          name: 'SLO availability details',
        });
        let budget = '';
        try {
          budget = await poll(
            'the fallen budget on the SLOs tab',
            60_000,
            async () => {
              await page.goto(
                `${lookout.appUrl}/catalog/default/component/demo-service/slos`,
              );
              await details
                .getByText(/ErrorBudgetBurn \(page\) — firing/)
                .first()
                .waitFor({ state: 'visible', timeout: 30_000 });
              const text = await details
                .getByRole('group', { name: 'Budget remaining' })
                .innerText();
              return /100(\.0+)?\s*%/.test(text) ? undefined : text;
            },
          );
        } catch (e) {
          await saveFailureScreenshot(page, 'slos-tab');
          throw e;
        }
        expect(budget).toMatch(/\d%/);
        expect(budget).not.toMatch(/100(\.0+)?\s*%/);
        await saveReadmeScreenshot(page, 'slos-tab-outage');
      },
      (40 + 12 * RUNS) * 60_000,
    );
  },
);
