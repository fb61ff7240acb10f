/*
 * The whole loop with real parts: the demo service emits telemetry, Lookout provisions its rules
 * into a real Prometheus through the prometheus-files sink, an outage burns the budget, the page
 * alert fires in Prometheus and reaches Alertmanager, and the SLOs tab in Chromium shows it.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Browser } from 'playwright-core';
import { launchChromium, requireChromium } from './chromium';
import {
  DevStack,
  missingBinaries,
  startDevStack,
  STACK_BINARIES,
} from './devStack';
import { saveFailureScreenshot, saveReadmeScreenshot } from './screenshots';
import { RunningLookout, startLookout } from './startLookout';

const ENTITY = 'component:default/demo-service';

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
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise(r => setTimeout(r, 2000));
  }
}

describeLive(
  'from an annotation to a firing alert on the service page (live)',
  () => {
    let dir: string;
    let stack: DevStack;
    let lookout: RunningLookout;
    let browser: Browser;

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'lookout-live-'));
      stack = await startDevStack({
        directory: join(dir, 'stack'),
        trafficPerSecond: 20,
      });
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
    }, 20 * 60_000);

    afterAll(async () => {
      await fetch(`${stack?.demoUrl}/admin/behaviour`, {
        method: 'PUT',
        body: JSON.stringify({ errorRate: 0 }),
      }).catch(() => undefined);
      await browser?.close();
      await lookout?.stop();
      await stack?.stop();
      if (dir) rmSync(dir, { recursive: true, force: true });
    }, 60_000);

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
        await poll('healthy traffic recorded', 2 * 60_000, async () => {
          const q = encodeURIComponent(
            `slo:sli_total:rate5m{backstage_entity="${ENTITY}", slo="availability"} > 0`,
          );
          const body = await (
            await fetch(`${stack.prometheusUrl}/api/v1/query?query=${q}`)
          ).json();
          return body.data.result.length > 0 ? true : undefined;
        });

        // 2. Outage: every request fails.
        const outageStart = Date.now();
        await fetch(`${stack.demoUrl}/admin/behaviour`, {
          method: 'PUT',
          body: JSON.stringify({ errorRate: 1 }),
        });

        // 3. The page alert fires in Prometheus within 5 minutes and reaches Alertmanager.
        await poll(
          'ErrorBudgetBurn page firing in Prometheus',
          5 * 60_000,
          async () => {
            const body = await (
              await fetch(`${stack.prometheusUrl}/api/v1/alerts`)
            ).json();
            const firing = body.data.alerts.find(
              (a: any) =>
                a.labels.alertname === 'ErrorBudgetBurn' &&
                a.labels.severity === 'page' &&
                a.labels.backstage_entity === ENTITY &&
                a.state === 'firing',
            );
            return firing ? true : undefined;
          },
        );
        expect(Date.now() - outageStart).toBeLessThan(5 * 60_000);
        await poll('the page alert in Alertmanager', 60_000, async () => {
          const alerts = await (
            await fetch(`${stack.alertmanagerUrl}/api/v2/alerts`)
          ).json();
          return alerts.some(
            (a: any) =>
              a.labels.alertname === 'ErrorBudgetBurn' &&
              a.labels.severity === 'page' &&
              a.labels.backstage_entity === ENTITY,
          )
            ? true
            : undefined;
        });

        // The SLO-window ratio adds up the 5-minute sums (a group evaluated every 5m, whatever the
        // global interval) and the budget is evaluated every 2m: the outage shows in the budget up to
        // 7 minutes after it started.
        await poll('the error budget to fall', 9 * 60_000, async () => {
          const q = encodeURIComponent(
            `slo:error_budget_remaining:ratio{backstage_entity="${ENTITY}", slo="availability"} < 1`,
          );
          const body = await (
            await fetch(`${stack.prometheusUrl}/api/v1/query?query=${q}`)
          ).json();
          return body.data.result.length > 0 ? true : undefined;
        });

        // 4. The SLOs tab shows the firing page alert and a falling budget.
        const page = await browser.newPage({
          viewport: { width: 1400, height: 1000 },
        });
        await page.goto(lookout.appUrl);
        await page.getByRole('button', { name: /enter/i }).click();
        await page
          .getByRole('link', { name: 'demo-service' })
          .first()
          .waitFor({ state: 'visible', timeout: 60_000 });
        await page.goto(
          `${lookout.appUrl}/catalog/default/component/demo-service/slos`,
        );
        try {
          await page
            .getByText(/ErrorBudgetBurn \(page\) — firing/)
            .first()
            .waitFor({ state: 'visible', timeout: 60_000 });
        } catch (e) {
          await saveFailureScreenshot(page, 'slos-tab');
          throw e;
        }
        const budget = await page
          .getByText(/budget remaining/i)
          .first()
          .evaluate(el => el.closest('div')?.parentElement?.textContent ?? '');
        expect(budget).not.toMatch(/100(\.0+)?\s*%/);
        await saveReadmeScreenshot(page, 'slos-tab-outage');
      },
      20 * 60_000,
    );
  },
);
