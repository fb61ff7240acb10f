/*
 * `yarn bench:ui`: how fast the Observability tabs paint large answers, in Chromium, in the
 * production build of the app, and how large the plugin's tab chunks are.
 *
 * 1. Builds the app for production (`backstage-cli package build --stats` in packages/app; skip
 *    with --reuse-build when packages/app/dist is current).
 * 2. Starts the test upstreams (packages/e2e-tests/src/upstreams) with data synthesised at size:
 *    5,000 log lines and a 10,000-span trace of checkout, served by the Loki/Tempo contract double
 *    through the real backend, which serves the built app on :7007 (e2e-tests' startLookout, so
 *    it waits for the machine's one-Lookout lock like the end-to-end tests).
 * 3. In Chromium, for each run: from the moment the browser has the API answer (Resource Timing
 *    `responseEnd` of the request) to the first frame painted after the rows are in the DOM (a
 *    task queued from requestAnimationFrame after the commit runs once that frame is painted).
 * 4. Prints the gzip size of the JavaScript each tab loads on top of the entity page.
 *
 * Usage: yarn bench:ui [--runs 5] [--reuse-build]
 */
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { Page } from 'playwright-core';
import {
  launchChromium,
  prepareTestUpstreams,
  RunningLookout,
  startLookout,
  SYNTHETIC_TRACE_ID,
} from 'e2e-tests';

/** The repository (this package is packages/bench). */
const ROOT = resolvePackagePath('bench', '../..');
const APP = join(ROOT, 'packages/app');
const DIST = join(APP, 'dist');
const LOG_LINES = 5000;
const TRACE_SPANS = 10_000;
const TARGET_WATERFALL_MS = 500;
const TARGET_LOGS_MS = 300;

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function log(message: string) {
  process.stdout.write(`${message}\n`);
}

/** Installed in the page before its scripts: records answer arrivals and painted rows. */
function instrumentation() {
  const w = window as any;
  w.__bench = {
    arrivals: [] as Array<{ name: string; at: number }>,
    painted: [] as any[],
  };
  new PerformanceObserver(list => {
    for (const entry of list.getEntries() as PerformanceResourceTiming[]) {
      if (entry.name.includes('/api/observability/')) {
        w.__bench.arrivals.push({ name: entry.name, at: entry.responseEnd });
      }
    }
  }).observe({ type: 'resource', buffered: true });
  const seen = new Set<string>();
  const check = () => {
    for (const [key, selector, text] of [
      [
        'waterfall',
        '[role="tree"][aria-label="Spans"] [role="treeitem"]',
        null,
      ],
      [
        'logs',
        '[role="list"][aria-label="Log lines"] [role="listitem"]',
        /^5,000 of 5,000 lines/,
      ],
    ] as const) {
      if (seen.has(key) || !document.querySelector(selector)) continue;
      if (
        text &&
        !Array.from(document.querySelectorAll('[role="status"]')).some(s =>
          text.test(s.textContent ?? ''),
        )
      ) {
        continue;
      }
      seen.add(key);
      const committed = performance.now();
      requestAnimationFrame(() =>
        setTimeout(() => {
          w.__bench.painted.push({
            key,
            committed,
            painted: performance.now(),
            rows: document.querySelectorAll(selector).length,
          });
        }, 0),
      );
    }
  };
  new MutationObserver(check).observe(document, {
    childList: true,
    subtree: true,
    characterData: true,
  });
}

interface Sample {
  ms: number;
  rows: number;
}

async function painted(
  page: Page,
  key: string,
  request: RegExp,
): Promise<Sample> {
  const result = await page.waitForFunction(
    ({ key: k, source }) => {
      const bench = (window as any).__bench;
      const paint = bench.painted.find((p: any) => p.key === k);
      const arrival = bench.arrivals
        .filter((a: any) => new RegExp(source).test(a.name))
        .pop();
      return paint && arrival
        ? { ms: paint.painted - arrival.at, rows: paint.rows }
        : undefined;
    },
    { key, source: request.source },
    { timeout: 120_000, polling: 100 },
  );
  return (await result.jsonValue()) as Sample;
}

function summary(samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  return `median ${median.toFixed(0)} ms, min ${sorted[0].toFixed(
    0,
  )} ms, max ${sorted[sorted.length - 1].toFixed(0)} ms (${samples
    .map(s => s.toFixed(0))
    .join(', ')})`;
}

/** gzip sizes of the chunks each tab loads beyond the entity page, from the build's stats. */
function tabChunkSizes(): Array<{
  tab: string;
  files: string[];
  raw: number;
  gzip: number;
}> {
  const stats = JSON.parse(
    readFileSync(join(DIST, 'bundle-stats.json'), 'utf8'),
  );
  const chunks: any[] = stats.chunks ?? stats.children?.[0]?.chunks ?? [];
  const tabs = [
    ['SLOs', 'components/slos/EntitySlosContent'],
    ['Logs', 'components/logs/EntityLogsContent'],
    ['Traces', 'components/traces/EntityTracesContent'],
    ['Overview card', 'components/card/EntityObservabilityCard'],
    ['SLO overview page', 'components/overview/SloOverviewContent'],
  ];
  const staticDir = join(DIST, 'static');
  const modulesOf = (chunk: any): string[] =>
    (chunk.modules ?? []).flatMap((m: any) => [
      m.name ?? '',
      ...(m.modules ?? []).map((n: any) => n.name ?? ''),
    ]);
  return tabs.map(([tab, module]) => {
    // The chunk holding the component, and the chunks loaded with it (its siblings in the
    // chunk group of the dynamic import) that the entity page does not load already.
    const own = chunks.filter(c =>
      modulesOf(c).some(name =>
        name.includes(`plugins/observability/src/${module}`),
      ),
    );
    const ids = new Set(own.flatMap(c => [c.id, ...(c.siblings ?? [])]));
    const group = chunks.filter(c => ids.has(c.id) && !c.initial);
    const files = [
      ...new Set(
        group.flatMap(c =>
          (c.files ?? []).filter((f: string) => f.endsWith('.js')),
        ),
      ),
    ];
    let raw = 0;
    let gzip = 0;
    for (const file of files) {
      const path = existsSync(join(DIST, file))
        ? join(DIST, file)
        : join(staticDir, file);
      const content = readFileSync(path);
      raw += content.length;
      gzip += gzipSync(content, { level: 9 }).length;
    }
    return { tab, files, raw, gzip };
  });
}

async function main() {
  const runs = Number(arg('runs') ?? '5');
  if (
    !process.argv.includes('--reuse-build') ||
    !existsSync(join(DIST, 'bundle-stats.json'))
  ) {
    log(
      'Building the app for production (packages/app, backstage-cli package build --stats)...',
    );
    const t0 = Date.now();
    execFileSync('yarn', ['backstage-cli', 'package', 'build', '--stats'], {
      cwd: APP,
      stdio: 'inherit',
      env: { ...process.env, NODE_ENV: 'production' },
    });
    log(`built in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  }

  const dir = mkdtempSync(join(tmpdir(), 'lookout-bench-ui-'));
  const upstreams = await prepareTestUpstreams({
    directory: join(dir, 'upstreams'),
    scale: { logLines: LOG_LINES, traceSpans: TRACE_SPANS },
  });
  const config = join(dir, 'app-config.bench.yaml');
  writeFileSync(config, upstreams.appConfig);
  const browser = await launchChromium();
  let lookout: RunningLookout | undefined;
  try {
    // The machine's one Lookout on :7007: the e2e runs take turns with this one through
    // startLookout's lock. It provisions into a temporary folder, never into
    // deploy/observability/entities.
    log(
      'Starting the backend serving the build on :7007 (after any e2e run holding the machine lock)...',
    );
    const [started, upstreamsStarted] = await Promise.allSettled([
      startLookout({ builtApp: true, configs: [config] }),
      upstreams.start(),
    ]);
    if (started.status === 'fulfilled') lookout = started.value;
    else throw started.reason;
    if (upstreamsStarted.status === 'rejected') throw upstreamsStarted.reason;
    const appUrl = started.value.appUrl;
    const context = await browser.newContext({
      viewport: { width: 1400, height: 1000 },
    });
    await context.addInitScript(instrumentation);
    const page = await context.newPage();
    await page.goto(appUrl);
    await page.getByRole('button', { name: /enter/i }).click();
    await page
      .getByRole('link', { name: 'checkout' })
      .first()
      .waitFor({ timeout: 60_000 });
    const entity = `${appUrl}/catalog/default/component/checkout`;

    const waterfall: Sample[] = [];
    const logs: Sample[] = [];
    // The machine is shared: the load when the timed runs start and end (not when the bench
    // started, which may be long before, waiting for the lock) goes with the figures.
    const loadBefore = loadavg()[0];
    // One warm-up run of each (chunk download and compile), then the measured runs.
    for (let run = 0; run <= runs; run++) {
      await page.goto(`${entity}/traces?traceId=${SYNTHETIC_TRACE_ID}`);
      const w = await painted(
        page,
        'waterfall',
        new RegExp(`/traces/${SYNTHETIC_TRACE_ID}`),
      );
      await page
        .getByText(`${TRACE_SPANS.toLocaleString('en-US')} spans`)
        .waitFor({ timeout: 30_000 });
      await page.goto(`${entity}/logs`);
      await page
        .getByRole('list', { name: 'Log lines' })
        .waitFor({ timeout: 60_000 });
      await page.getByRole('button', { name: /^Lines/ }).click();
      await page.getByRole('option', { name: '5,000' }).click();
      const l = await painted(page, 'logs', /\/logs\?.*limit=5000/);
      if (run > 0) {
        waterfall.push(w);
        logs.push(l);
      }
    }
    const loadAfter = loadavg()[0];
    log('');
    log(
      `Chromium ${browser.version()}, production build, ${runs} runs after one warm-up; ` +
        `1-minute load average ${loadBefore.toFixed(
          2,
        )} before the runs, ${loadAfter.toFixed(2)} after`,
    );
    log(
      `Waterfall of a ${TRACE_SPANS.toLocaleString(
        'en-US',
      )}-span trace, answer to painted rows (${
        waterfall[0].rows
      } rows in the DOM): ${summary(
        waterfall.map(s => s.ms),
      )} — target < ${TARGET_WATERFALL_MS} ms`,
    );
    log(
      `List of ${LOG_LINES.toLocaleString(
        'en-US',
      )} log lines, answer to painted rows (${
        logs[0].rows
      } rows in the DOM): ${summary(
        logs.map(s => s.ms),
      )} — target < ${TARGET_LOGS_MS} ms`,
    );
    log('');
    log('JavaScript each tab loads on top of the entity page (gzip -9 / raw):');
    for (const { tab, files, raw, gzip } of tabChunkSizes()) {
      log(
        `  ${tab.padEnd(18)} ${(gzip / 1024).toFixed(1).padStart(7)} KiB / ${(
          raw / 1024
        )
          .toFixed(1)
          .padStart(7)} KiB  (${files.length} chunk${
          files.length === 1 ? '' : 's'
        })`,
      );
    }
  } finally {
    await browser.close();
    await lookout?.stop();
    await upstreams.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch(error => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
