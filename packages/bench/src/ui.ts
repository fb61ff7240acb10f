/*
 * `yarn bench:ui`: how fast the Observability tabs paint large answers, in Chromium, in the
 * production build of the app, and how large the plugin's tab chunks are.
 *
 * 1. Builds the app for production (`backstage-cli package build --stats` in packages/app; skip
 *    with --reuse-build when packages/app/dist is current).
 * 2. Starts the test upstreams (packages/e2e-tests/src/upstreams) with data synthesised at size:
 *    5,000 log lines and a 10,000-span trace of checkout, served by the Loki/Tempo contract double
 *    through the real backend (which serves the built app on :7007).
 * 3. In Chromium, for each run: from the moment the browser has the API answer (Resource Timing
 *    `responseEnd` of the request) to the first frame painted after the rows are in the DOM (a
 *    task queued from requestAnimationFrame after the commit runs once that frame is painted).
 * 4. Prints the gzip size of the JavaScript each tab loads on top of the entity page.
 *
 * Usage: yarn bench:ui [--runs 5] [--reuse-build]
 */
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import {
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { Page } from 'playwright-core';
import {
  launchChromium,
  prepareTestUpstreams,
  SYNTHETIC_TRACE_ID,
} from 'e2e-tests';

/** The repository (this package is packages/bench). */
const ROOT = resolvePackagePath('bench', '../..');
const APP = join(ROOT, 'packages/app');
const DIST = join(APP, 'dist');
const BACKEND_URL = 'http://localhost:7007';
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

async function waitFor(url: string, child: ChildProcess, output: () => string) {
  const deadline = Date.now() + 6 * 60_000;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`backend exited:\n${output().slice(-4000)}`);
    try {
      if ((await fetch(url, { signal: AbortSignal.timeout(2000) })).ok) return;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline)
      throw new Error(`${url} did not answer:\n${output().slice(-4000)}`);
    await new Promise(r => setTimeout(r, 1000));
  }
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
  writeFileSync(
    config,
    [
      upstreams.appConfig,
      '# The backend serves the production build of the app.',
      'app:',
      `  baseUrl: ${BACKEND_URL}`,
      'backend:',
      '  cors:',
      `    origin: ${BACKEND_URL}`,
      '',
    ].join('\n'),
  );
  // Provision into the temporary folder: with its own app.baseUrl the backend would otherwise
  // rewrite the committed deploy/observability/entities with other links.
  const sinksConfig = join(dir, 'app-config.sinks.yaml');
  writeFileSync(
    sinksConfig,
    [
      'observability:',
      '  provisioning:',
      '    sinks:',
      '      - type: kustomize',
      `        directory: ${join(dir, 'entities')}`,
      '',
    ].join('\n'),
  );
  const backend = spawn(
    'yarn',
    [
      'backstage-cli',
      'package',
      'start',
      '--config',
      join(ROOT, 'app-config.yaml'),
      '--config',
      config,
      '--config',
      sinksConfig,
    ],
    {
      cwd: join(ROOT, 'packages/backend'),
      detached: true,
      env: { ...process.env, NODE_ENV: 'development', FORCE_COLOR: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  backend.stdout!.on('data', d => (output += d));
  backend.stderr!.on('data', d => (output += d));
  const stopBackend = async () => {
    if (backend.exitCode !== null) return;
    const exited = new Promise(r => backend.once('exit', r));
    try {
      process.kill(-backend.pid!, 'SIGTERM');
    } catch {
      return;
    }
    await exited;
  };
  const browser = await launchChromium();
  try {
    await Promise.all([
      upstreams.start(),
      waitFor(
        `${BACKEND_URL}/.backstage/health/v1/readiness`,
        backend,
        () => output,
      ),
    ]);
    const context = await browser.newContext({
      viewport: { width: 1400, height: 1000 },
    });
    await context.addInitScript(instrumentation);
    const page = await context.newPage();
    await page.goto(BACKEND_URL);
    await page.getByRole('button', { name: /enter/i }).click();
    await page
      .getByRole('link', { name: 'checkout' })
      .first()
      .waitFor({ timeout: 60_000 });
    const entity = `${BACKEND_URL}/catalog/default/component/checkout`;

    const waterfall: Sample[] = [];
    const logs: Sample[] = [];
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
    log('');
    log(
      `Chromium ${browser.version()}, production build, ${runs} runs after one warm-up`,
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
    await stopBackend();
    await upstreams.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch(error => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
