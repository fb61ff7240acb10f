/*
 * Lookout as a user meets it: `yarn start` with the signals API pointed at the test upstreams
 * (a real Prometheus holding the checkout service's SLO history, a real Alertmanager with its
 * page alert, and the contract double of Loki and Tempo serving recorded data), sign in as guest,
 * open the demo services in Chromium: the overview card, the SLOs, Logs, Traces and Metrics tabs, from a
 * log line's trace id to that trace's waterfall and back to its logs. Every view is checked with
 * axe (no serious or critical violation). Saves the screenshots the README shows
 * (docs/screenshots/) when LOOKOUT_SCREENSHOTS=1 is set.
 */
import AxeBuilder from '@axe-core/playwright';
import { Browser, Locator, Page } from 'playwright-core';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { launchChromium, requireChromium } from './chromium';
import { saveFailureScreenshot, saveReadmeScreenshot } from './screenshots';
import {
  RunningLookout,
  START_HOOK_TIMEOUT_MS,
  startLookout,
} from './startLookout';
import {
  DEMO_ORDERS_PER_MINUTE,
  DEMO_REQUESTS_PER_SECOND,
  DEMO_REVENUE_EUROS_PER_MINUTE,
  DEMO_SERVICE_REF,
} from './upstreams/businessHistory';
import {
  CHECKOUT_REF,
  prepareTestUpstreams,
  requireTestUpstreamBinaries,
  TestUpstreams,
} from './upstreams/testUpstreams';

const runInBrowser = requireChromium() && requireTestUpstreamBinaries();
const describeInBrowser = runInBrowser ? describe : describe.skip;

const TRACE_ID = '5b8efff798038103d269b633813fc700';
const PIPELINE_TOKEN = 'lookout-e2e-pipeline-token';

/** Waits until the locator is visible (playwright-core has no assertion library). */
function visible(locator: Locator): Promise<void> {
  return locator.waitFor({ state: 'visible', timeout: 30_000 });
}

/** The visible text of the locator, once it is visible. */
async function textOf(locator: Locator): Promise<string> {
  await visible(locator);
  return locator.innerText();
}

/** A fraction as the plugin shows it (lib/format.ts formatPercent). */
function percent(fraction: number): string {
  const value = fraction * 100;
  const format =
    Math.abs(value) >= 1 || value === 0
      ? new Intl.NumberFormat('en-US', { maximumFractionDigits: 3 })
      : new Intl.NumberFormat('en-US', { maximumSignificantDigits: 2 });
  return `${format.format(value)}%`;
}

/** A burn rate as the plugin shows it (lib/format.ts formatBurnRate). */
function burnRate(rate: number): string {
  return `${new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 }).format(
    rate,
  )}×`;
}

describeInBrowser('Lookout in a real browser', () => {
  let dir: string;
  let upstreams: TestUpstreams;
  let lookout: RunningLookout;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'lookout-e2e-'));
    upstreams = await prepareTestUpstreams({
      directory: join(dir, 'upstreams'),
    });
    const config = join(dir, 'app-config.e2e.yaml');
    writeFileSync(
      config,
      [
        upstreams.appConfig,
        // The pipeline's token of the release test (docs/releases.md).
        'backend:',
        '  auth:',
        '    externalAccess:',
        '      - type: static',
        `        options: { token: ${PIPELINE_TOKEN}, subject: e2e-pipeline }`,
        '',
      ].join('\n'),
    );
    // Prometheus' backfill runs while the app builds.
    const [started, lookoutStart] = await Promise.allSettled([
      upstreams.start(),
      startLookout({ configs: [config] }),
    ]);
    if (lookoutStart.status === 'fulfilled') lookout = lookoutStart.value;
    if (started.status === 'rejected') throw started.reason;
    if (lookoutStart.status === 'rejected') throw lookoutStart.reason;
    browser = await launchChromium();
    const context = await browser.newContext({
      viewport: { width: 1400, height: 1000 },
    });
    page = await context.newPage();
    await page.goto(lookout.appUrl);
    await page.getByRole('button', { name: /enter/i }).click();
    await visible(page.getByRole('link', { name: 'checkout' }).first());
  }, START_HOOK_TIMEOUT_MS);

  afterAll(async () => {
    await browser?.close();
    await lookout?.stop();
    await upstreams?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  const screenshot = (name: string) => saveReadmeScreenshot(page, name);

  /** Runs `check`; on failure saves a screenshot named after `what` first. */
  async function withFailureScreenshot(
    what: string,
    check: () => Promise<void>,
  ) {
    try {
      await check();
    } catch (e) {
      await saveFailureScreenshot(page, what);
      throw e;
    }
  }

  /** Serious and critical axe violations inside `selector`, one line each. */
  async function axeViolations(selector: string): Promise<string[]> {
    const result = await new AxeBuilder({ page }).include(selector).analyze();
    return result.violations
      .filter(v => v.impact === 'serious' || v.impact === 'critical')
      .map(
        v =>
          `${v.id} (${v.impact}): ${v.help} — ${v.nodes
            .map(n => n.target.join(' '))
            .join(', ')}`,
      );
  }

  async function openEntity(name: string) {
    await page.goto(`${lookout.appUrl}/catalog/default/component/${name}`);
    await withFailureScreenshot(name, () =>
      visible(
        page
          .locator('.MuiCardHeader-root')
          .filter({ hasText: /^Observability$/ })
          .first(),
      ),
    );
  }

  async function openTab(name: string, tab: string) {
    await page.goto(
      `${lookout.appUrl}/catalog/default/component/${name}/${tab}`,
    );
  }

  /** Prometheus' current value of a query with one series. */
  async function prometheusValue(query: string): Promise<number> {
    const res = await fetch(
      `${upstreams.prometheusUrl}/api/v1/query?query=${encodeURIComponent(
        query,
      )}`,
    );
    const body = await res.json();
    expect(body.data.result).toHaveLength(1);
    return Number(body.data.result[0].value[1]);
  }

  const CARD = '.MuiCard-root:has(section[aria-label="Signals"])';

  it('starts the backend without errors', () => {
    const errors = lookout
      .output()
      .split('\n')
      .map(line => stripVTControlCharacters(line))
      .join('\n')
      .split('\n')
      .filter(line => /^\S+\s+\S+\s+error\b/.test(line));
    expect(errors).toEqual([]);
  });

  it("shows what Lookout understood of a service's annotations, its budgets and alerts", async () => {
    await openEntity('checkout');
    const card = page.locator(CARD);
    const text = await textOf(card.first());
    expect(text).toContain('availability');
    expect(text).toContain('99.9% / 30d');
    expect(text).toContain('port http-metrics');
    expect(text).toContain('{namespace="shop", app="checkout"}');
    const budget = await prometheusValue(
      `slo:error_budget_remaining:ratio{backstage_entity="${CHECKOUT_REF}", slo="availability"}`,
    );
    const slos = card.getByRole('table', { name: 'SLOs' });
    await visible(slos.getByText(percent(budget)));
    expect(
      await card.getByRole('region', { name: 'Firing alerts' }).innerText(),
    ).toContain('ErrorBudgetBurn · availability · page');
    expect(await axeViolations(CARD)).toEqual([]);
    await screenshot('card-checkout');
  });

  it('explains every problem of a broken entity, naming the annotation, without cutting it off', async () => {
    await openEntity('search');
    const card = page
      .locator('.MuiCard-root')
      .filter({ hasText: 'Annotation problems' });
    const text = await textOf(card.first());
    expect(text).toMatch(
      /lookout\.dev\/metrics-port: "http metrics" contains a space/,
    );
    expect(text).toMatch(/lookout\.dev\/slos\[0\]\.objective: 100%/);
    expect(text).toMatch(/did you mean lookout\.dev\/dashboard/);
    const problems = card
      .first()
      .getByRole('region', { name: /Annotation problems/ });
    const clipped = await problems
      .locator('li p')
      .evaluateAll(nodes =>
        nodes
          .filter(node => node.scrollWidth > node.clientWidth + 1)
          .map(node => node.textContent),
      );
    expect(clipped).toEqual([]);
    expect(await axeViolations(CARD)).toEqual([]);
    await screenshot('card-search-problems');
  });

  it('shows the SLO figures Prometheus holds and the alert Alertmanager holds on the SLOs tab', async () => {
    await openTab('checkout', 'slos');
    const details = page.getByRole('region', {
      name: 'SLO availability details',
    });
    await withFailureScreenshot('slos-tab', () =>
      visible(details.getByText('Burn rates')),
    );
    const budget = await prometheusValue(
      `slo:error_budget_remaining:ratio{backstage_entity="${CHECKOUT_REF}", slo="availability"}`,
    );
    const ratio = await prometheusValue(
      `slo:sli_error:ratio{backstage_entity="${CHECKOUT_REF}", slo="availability", window="30d"}`,
    );
    const ratio1h = await prometheusValue(
      `slo:sli_error:ratio{backstage_entity="${CHECKOUT_REF}", slo="availability", window="1h"}`,
    );
    const text = await details.innerText();
    expect(text).toContain(percent(budget));
    expect(text).toContain(percent(ratio));
    expect(text).toContain(burnRate(ratio1h / 0.001));
    expect(text).toContain('ErrorBudgetBurn (page) — firing');
    const alertLink = details.getByRole('link', {
      name: 'open in Alertmanager',
    });
    expect(await alertLink.getAttribute('href')).toMatch(
      new RegExp(`^${upstreams.alertmanagerUrl}/#/alerts\\?filter=`),
    );
    // The charts drew the history (recharts renders one path per series).
    expect(
      await details.locator('.recharts-line path').count(),
    ).toBeGreaterThanOrEqual(2);
    expect(await axeViolations('main')).toEqual([]);
    await screenshot('slos-tab');
  });

  it('marks a release on the SLO charts and lists it in the Releases table', async () => {
    const entityUrl = `${lookout.backendUrl}/api/observability/entities/by-name/component/default/checkout`;
    const recorded = await fetch(`${entityUrl}/releases`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${PIPELINE_TOKEN}`,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({
        version: 'v1.4.2',
        // Five minutes before the outage of the SLO history, over an hour ago: the hour after it
        // is measured.
        at: upstreams.outageStartedAt - 5 * 60_000,
        url: 'https://ci.example.com/runs/42',
      }),
    });
    expect(recorded.status).toBe(201);
    // A static external-access token's principal is its configured subject.
    expect((await recorded.json()).createdBy).toBe('e2e-pipeline');
    const gate = await fetch(`${entityUrl}/deploy-gate`, {
      headers: { Authorization: `Bearer ${PIPELINE_TOKEN}` },
    });
    expect(gate.status).toBe(200);
    expect(typeof (await gate.json()).allowed).toBe('boolean');

    await openTab('checkout', 'slos');
    const details = page.getByRole('region', {
      name: 'SLO availability details',
    });
    const markers = details.locator('[data-testid="release-marker"]');
    await withFailureScreenshot('slos-tab-release-marker', () =>
      visible(markers.first()),
    );
    expect(await markers.count()).toBe(2); // the budget and the error-ratio charts
    expect(await markers.first().getAttribute('aria-label')).toMatch(
      /^Release v1\.4\.2 · .* · https:\/\/ci\.example\.com\/runs\/42$/,
    );
    const table = page.getByRole('table', {
      name: 'Releases and their impact',
    });
    const row = await textOf(table.getByRole('row').nth(1));
    expect(row).toContain('v1.4.2');
    expect(row).toContain('e2e-pipeline');
    expect(row).toContain('availability');
    // The hour before and the hour after are measured from the recorded 5-minute sums: the
    // outage's 2.5 % errors after the release against a 0.1 % allowance burnt budget.
    const hourCells = table.getByRole('row').nth(1).getByRole('cell');
    const errorRatio1h = await hourCells.nth(4).innerText();
    expect(errorRatio1h).toMatch(/^\d[\d.]*% → \d[\d.]*%$/);
    expect(row).toContain('Burnt budget');
    // No word of the table is broken across lines (the layout was cramped at this width).
    const brokenWords = await table.evaluate(element => {
      const broken: string[] = [];
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        for (const match of text.matchAll(/\S+/g)) {
          const range = document.createRange();
          range.setStart(node, match.index!);
          range.setEnd(node, match.index! + match[0].length);
          const tops = new Set(
            [...range.getClientRects()].map(r => Math.round(r.top)),
          );
          if (tops.size > 1) broken.push(match[0]);
        }
      }
      return broken;
    });
    expect(brokenWords).toEqual([]);
    // ... and the table fits in the tab.
    expect(
      await table.evaluate(
        element =>
          element.getBoundingClientRect().right -
          element.parentElement!.getBoundingClientRect().right,
      ),
    ).toBeLessThanOrEqual(0);
    expect(await axeViolations('main')).toEqual([]);
    // The README's picture: the last 6 hours, the marker standing before the outage's burn.
    await page
      .getByRole('group', { name: 'Time range' })
      .getByRole('button', { name: '6h', exact: true })
      .click();
    await visible(markers.first());
    await visible(table.getByText('Burnt budget').first());
    await screenshot('slos-tab-releases');
  });

  it('lists the log lines Loki returned and follows a trace id to its waterfall and back', async () => {
    await openTab('checkout', 'logs');
    const list = page.getByRole('list', { name: 'Log lines' });
    const served = upstreams.contract.logLines;
    await withFailureScreenshot('logs-tab', () =>
      visible(
        page
          .getByRole('status')
          .getByText(`${served.length} of ${served.length} lines`),
      ),
    );
    const listText = await list.innerText();
    for (const line of served) {
      expect(listText).toContain(line.line.slice(0, 40));
    }
    expect(await axeViolations('main')).toEqual([]);
    await screenshot('logs-tab');

    await list.getByRole('link', { name: `Open trace ${TRACE_ID}` }).click();
    await page.waitForURL(
      `**/catalog/default/component/checkout/traces?traceId=${TRACE_ID}`,
    );
    const tree = page.getByRole('tree', { name: 'Spans' });
    await withFailureScreenshot('traces-tab', () =>
      visible(tree.getByRole('treeitem').first()),
    );
    const trace = upstreams.contract.traces.find(t => t.traceId === TRACE_ID)!;
    expect(await tree.getByRole('treeitem').count()).toBe(trace.spanCount);
    await visible(
      page.getByRole('heading', {
        name: `${trace.rootService}: ${trace.rootName}`,
      }),
    );
    const errors = Object.values(trace.serviceStats).reduce(
      (sum, s) => sum + s.errorCount,
      0,
    );
    await visible(
      page.getByText(`${trace.spanCount} spans · ${errors} errors`),
    );
    await visible(
      tree.getByRole('treeitem', { name: /payments-api provider\.authorize/ }),
    );
    expect(await axeViolations('main')).toEqual([]);
    await screenshot('traces-tab');

    await page.getByRole('link', { name: 'Logs of this trace' }).click();
    await page.waitForURL(/\/logs\?traceId=/);
    const withId = served.filter(l => l.line.includes(TRACE_ID));
    await visible(
      page
        .getByRole('status')
        .getByText(`${withId.length} of ${withId.length} lines`),
    );
    expect(await list.innerText()).toContain(TRACE_ID);
  });

  it('finds the traces Tempo holds for the service', async () => {
    await openTab('checkout', 'traces');
    const table = page
      .getByRole('table')
      .filter({ hasText: 'POST /api/checkout' });
    await withFailureScreenshot('traces-search', () => visible(table));
    for (const trace of upstreams.contract.traces) {
      await visible(
        table.getByRole('link', { name: `Open trace ${trace.traceId}` }),
      );
    }
    expect(await axeViolations('main')).toEqual([]);
  });

  it("charts the demo service's business panel and its golden signals on the Metrics tab", async () => {
    await openTab('demo-service', 'metrics');
    const panels = page.getByRole('region', { name: 'Panels' });
    const countries = Object.keys(DEMO_ORDERS_PER_MINUTE).join(', ');
    await withFailureScreenshot('metrics-tab', () =>
      visible(
        panels.getByRole('figure', {
          name: `Orders per minute: 2 series: ${countries}.`,
        }),
      ),
    );
    // The bars of both countries are drawn (recharts renders one rectangle per bar).
    expect(
      await panels.locator('.recharts-bar-rectangle').count(),
    ).toBeGreaterThan(10);
    // What the panel charts is what Prometheus computes from the backfilled counters.
    for (const [country, perMinute] of Object.entries(DEMO_ORDERS_PER_MINUTE)) {
      const value = await prometheusValue(
        `sum(rate(shop_orders_total{backstage_entity="${DEMO_SERVICE_REF}", country="${country}"}[5m])) * 60`,
      );
      expect(value).toBeCloseTo(perMinute, 6);
    }
    // The revenue panel charts the backfilled revenue counters (one area series).
    await visible(
      panels.getByRole('figure', {
        name: 'Revenue per hour: 1 series: Revenue per hour.',
      }),
    );
    const revenuePerHour =
      Object.values(DEMO_REVENUE_EUROS_PER_MINUTE).reduce((a, b) => a + b) * 60;
    expect(
      await prometheusValue(
        `sum(rate(shop_revenue_euros_total{backstage_entity="${DEMO_SERVICE_REF}"}[15m])) * 3600`,
      ),
    ).toBeCloseTo(revenuePerHour, 6);
    // The golden signals come from the presets' SLO indicators over the backfilled HTTP
    // histogram: each chart has its series and draws a line.
    const golden = page.getByRole('region', { name: 'Golden signals' });
    expect(await golden.innerText()).toContain(
      "From the entity's SLO indicators.",
    );
    for (const name of [
      'Request rate: 1 series: requests/s.',
      'Error ratio: 1 series: error ratio.',
      // The largest series first (metricSeries.ts).
      'Latency: 3 series: p99, p95, p50.',
    ]) {
      await visible(golden.getByRole('figure', { name }));
    }
    expect(await golden.locator('path.recharts-line-curve').count()).toBe(5);
    const requestsPerSecond = Object.values(DEMO_REQUESTS_PER_SECOND).reduce(
      (a, b) => a + b,
    );
    expect(
      await prometheusValue(
        `sum(rate(http_server_request_duration_seconds_count{backstage_entity="${DEMO_SERVICE_REF}"}[5m]))`,
      ),
    ).toBeCloseTo(requestsPerSecond, 6);
    expect(await axeViolations('main')).toEqual([]);
    await screenshot('metrics-tab');
  });
});
