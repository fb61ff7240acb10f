/*
 * Benchmark of `lookout render` on a synthetic catalog: 10,000 entities, each scraped by a
 * ServiceMonitor, with two SLOs (availability and latency) and a dashboard, rendered in the
 * operator format into a temporary folder through the CLI's own steps.
 *
 * Prints entities/s, bytes written, CPU time, peak RSS, the time against `cp -r` of the produced tree, a
 * second run with no change (files written, time, and the time of its file side alone), and
 * rules / recorded series per SLO next to Sloth's and Pyrra's. Exits 1 when a target is missed:
 * full render <= 3x cp, a second `lookout render` with nothing changed < 1 s (it uses the run
 * stamp), peak RSS < 1 GiB, the no-op run
 * writes 0 files.
 *
 * Run: yarn bench:render [entities]
 *
 * `--one-entity [slos]` runs the other case instead: one entity holding 500 SLOs (ratio and
 * latency, objectives 99 to 99.99, windows 7d to 90d), rendered in the prometheus format with its
 * `promtool test rules` files, which are per SLO (linear). Targets: < 10 s and peak RSS < 500 MB.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseObservabilitySpec } from '@lookout/plugin-observability-common';
import {
  entityFolderFiles,
  renderEntity,
  runCli,
  SinkUpsert,
  upsertOf,
} from '@lookout/plugin-observability-node';
// Internals: the CLI's own steps, timed one by one (the `lookout render` run as users run it is
// `runCli` above).
import {
  readCatalog,
  readSettings,
  renderCatalog,
  renderToFolder,
  SinkOutput,
} from '@lookout/plugin-observability-node/testUtils';

const ONE_ENTITY = process.argv[2] === '--one-entity';
const ENTITIES = ONE_ENTITY ? 1 : Number(process.argv[2] ?? 10_000);
const ONE_ENTITY_SLOS = Number((ONE_ENTITY && process.argv[3]) || 500);
const PER_FILE = 1_000;
const NAMESPACES = 20;

function entityYaml(i: number): string {
  const name = `service-${String(i).padStart(5, '0')}`;
  return `---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: ${name}
  annotations:
    backstage.io/kubernetes-id: ${name}
    backstage.io/kubernetes-namespace: team-${i % NAMESPACES}
    lookout.dev/metrics-port: http-metrics
    lookout.dev/runbook-url: https://runbooks.example.com/${name}
    lookout.dev/slos: |
      - name: availability
        objective: 99.9
        ratio:
          errors: http_requests_total{job="${name}", code=~"5.."}
          total: http_requests_total{job="${name}"}
      - name: latency
        objective: 99
        latency:
          histogram: http_request_duration_seconds
          threshold: 300ms
          selector: '{job="${name}"}'
spec:
  type: service
  lifecycle: production
  owner: group:default/team-${i % NAMESPACES}
`;
}

function writeCatalog(dir: string): void {
  for (let start = 0; start < ENTITIES; start += PER_FILE) {
    const docs: string[] = [];
    for (let i = start; i < Math.min(start + PER_FILE, ENTITIES); i++) {
      docs.push(entityYaml(i));
    }
    fs.writeFileSync(
      path.join(dir, `catalog-${start / PER_FILE}.yaml`),
      docs.join(''),
    );
  }
}

async function render(catalogDir: string, outDir: string) {
  const started = performance.now();
  const cpuStart = process.cpuUsage();
  const settings = await readSettings([], {});
  const catalog = await readCatalog([catalogDir]);
  const read = performance.now() - started;
  const run = await renderToFolder(catalog.entities, settings, {
    outDir,
    format: 'operator',
    check: false,
  });
  const total = performance.now() - started;
  // All threads of the process (the sink's file operations run on libuv's thread pool).
  const { user, system } = process.cpuUsage(cpuStart);
  const written = run.report.created.length + run.report.updated.length;
  return { read, total, cpu: (user + system) / 1000, run, written };
}

/** `lookout render` in this process, as the bin runs it; whether it used the run stamp. */
async function cli(root: string, catalogDir: string, outDir: string) {
  let stderr = '';
  const started = performance.now();
  const code = await runCli(
    ['render', '--catalog', catalogDir, '--out', outDir],
    {
      stdout: { write: () => true },
      stderr: { write: (text: string) => (stderr += text) },
      env: { LOOKOUT_CACHE_DIR: path.join(root, 'cache') },
      cwd: root,
    },
  );
  const ms = performance.now() - started;
  if (code !== 0) {
    throw new Error(`lookout render failed:\n${stderr}`);
  }
  return { ms, stamped: /nothing changed since the last run/.test(stderr) };
}

/**
 * The sink's side of a run alone: entities are rendered in batches of 500 (untimed), then handed
 * to the Kustomize sink as `lookout render` hands them (timed: the one pass that compares, writes
 * what changed and records it); the last, full-sync batch prunes (timed). The sink serialises
 * each render before comparing it: that part is timed on its own too (`serialise`, the same
 * serialisation of the same renders), the rest is the file side.
 */
async function syncOnly(catalogDir: string, outDir: string) {
  const settings = await readSettings([], {});
  const { entities } = await readCatalog([catalogDir]);
  const output = new SinkOutput(
    outDir,
    { format: 'operator', check: false },
    settings,
  );
  let batch: SinkUpsert[] = [];
  const timed = { ms: 0, cpu: 0 };
  const serialise = { ms: 0, cpu: 0 };
  const time = async (into: typeof timed, work: () => Promise<void>) => {
    const started = performance.now();
    const cpuStart = process.cpuUsage();
    await work();
    const { user, system } = process.cpuUsage(cpuStart);
    into.ms += performance.now() - started;
    into.cpu += (user + system) / 1000;
  };
  const apply = async (full: boolean) => {
    await time(timed, () =>
      output.apply({
        upserts: batch,
        removals: [],
        keep: full ? [...output.held] : undefined,
      }),
    );
    // The same serialisation of the same renders, alone.
    await time(serialise, async () => {
      for (const upsert of batch) {
        entityFolderFiles(upsert.render);
      }
    });
    batch = [];
  };
  for await (const outcome of renderCatalog(entities, settings, {
    parts: { ruleTests: false },
  })) {
    batch.push(upsertOf(outcome.render!, ''));
    if (batch.length >= 500) await apply(false);
  }
  await apply(true);
  const { created, updated, removed } = await output.finish();
  return {
    ...timed,
    serialise,
    changed: created.length + updated.length + removed.length,
  };
}

/** Milliseconds per entity of each render step, on the first entities of the catalog. */
async function breakdown(catalogDir: string, sample: number) {
  const settings = await readSettings([], {});
  const { entities } = await readCatalog([catalogDir]);
  const steps: Record<string, number> = { parse: 0, render: 0 };
  for (const { entity } of entities.slice(0, sample)) {
    let mark = performance.now();
    const { spec } = parseObservabilitySpec(entity, settings.parseOptions);
    steps.parse += performance.now() - mark;
    mark = performance.now();
    renderEntity({ entity, spec }, settings.renderOptions, {
      ruleTests: false,
    });
    steps.render += performance.now() - mark;
  }
  return Object.fromEntries(
    Object.entries(steps).map(([k, v]) => [k, v / sample]),
  );
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

function mib(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

async function main() {
  // The machine may be shared: the load before the run says how far to trust the times.
  const [load] = os.loadavg();
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'lookout-bench-'));
  const catalogDir = path.join(root, 'catalog');
  const outDir = path.join(root, 'out');
  fs.mkdirSync(catalogDir);
  writeCatalog(catalogDir);
  try {
    const first = await render(catalogDir, outDir);
    if (first.run.failed) {
      throw new Error(`synthetic catalog has errors: ${first.run.lines[0]}`);
    }
    // Taken before the measurements below, which hold more in memory than the CLI does.
    const maxRssBytes = process.resourceUsage().maxRSS * 1024;
    const bytes = Number(
      execFileSync('du', ['-sb', outDir], { encoding: 'utf8' }).split('\t')[0],
    );

    const cpStart = performance.now();
    execFileSync('cp', ['-r', outDir, path.join(root, 'copy')]);
    const cpMs = performance.now() - cpStart;

    const second = await render(catalogDir, outDir);
    // The CLI as users run it, twice: the first run renders everything again and stamps it, the
    // second finds nothing changed and prints the stamped result (src/cli/runStamp.ts).
    await cli(root, catalogDir, outDir);
    const stamped = await cli(root, catalogDir, outDir);
    const sync = await syncOnly(catalogDir, outDir);
    const steps = await breakdown(catalogDir, Math.min(ENTITIES, 200));

    const settings = await readSettings([], {});
    const [sample] = (await readCatalog([catalogDir])).entities;
    const { spec } = parseObservabilitySpec(
      sample.entity,
      settings.parseOptions,
    );
    const rendered = renderEntity(
      { entity: sample.entity, spec },
      settings.renderOptions,
    );
    const slos = spec.slos.length;
    const rules = rendered.ruleGroups.flatMap(g => g.rules);
    const recorded = rules.filter(r => r.record).length;
    const alerting = rules.filter(r => r.alert).length;

    const rows: Array<[string, string]> = [
      ['entities', String(ENTITIES)],
      ['files written', String(first.written)],
      ['bytes written', `${bytes} (${mib(bytes)})`],
      [
        'machine',
        `${os.availableParallelism()} cores, load average ${load.toFixed(
          1,
        )} before the run`,
      ],
      ['full render', seconds(first.total)],
      ['  CPU time (all threads)', seconds(first.cpu)],
      ['  read catalog', seconds(first.read)],
      ['  per entity: parse', `${steps.parse.toFixed(2)} ms`],
      [
        '  per entity: render',
        `${steps.render.toFixed(2)} ms (rules, dashboard, scrape)`,
      ],
      ['entities/s', String(Math.round(ENTITIES / (first.total / 1000)))],
      ['cp -r of the tree', seconds(cpMs)],
      [
        'full render / cp -r',
        `${(first.total / cpMs).toFixed(1)}x (target <= 3x)`,
      ],
      ['no-op run: files written', `${second.written} (target 0)`],
      [
        'no-op run, lookout render (stamped)',
        `${seconds(stamped.ms)}${
          stamped.stamped ? '' : ' (NOT stamped: rendered again)'
        } (target < 1 s)`,
      ],
      ['no-op run without a stamp: total', seconds(second.total)],
      ['  CPU time (all threads)', seconds(second.cpu)],
      [
        'no-op run: compare + prune only (info)',
        `${seconds(sync.ms)} (CPU ${seconds(sync.cpu)}) for ${
          first.written
        } files, ${sync.changed} changed`,
      ],
      [
        '  of which serialising the renders',
        `${seconds(sync.serialise.ms)} (CPU ${seconds(sync.serialise.cpu)})`,
      ],
      [
        '  the file side',
        `${seconds(sync.ms - sync.serialise.ms)} (CPU ${seconds(
          sync.cpu - sync.serialise.cpu,
        )})`,
      ],
      ['peak RSS', `${mib(maxRssBytes)} (target < 1 GiB)`],
      [
        'rules per SLO',
        `${(rules.length / slos).toFixed(1)} (${(recorded / slos).toFixed(
          1,
        )} recording, ${(alerting / slos).toFixed(
          1,
        )} alerting); Sloth 17 (15 + 2), Pyrra 13-15`,
      ],
      ['recorded series per SLO', (recorded / slos).toFixed(1)],
    ];
    const width = Math.max(...rows.map(([k]) => k.length));
    for (const [k, v] of rows) {
      process.stdout.write(`${k.padEnd(width)}  ${v}\n`);
    }

    const missed: string[] = [];
    if (first.total > 3 * cpMs) missed.push('full render > 3x cp -r');
    if (second.written > 0) missed.push('no-op run wrote files');
    if (!stamped.stamped || stamped.ms >= 1000) {
      missed.push('no-op lookout render >= 1 s');
    }
    if (maxRssBytes >= 1024 ** 3) missed.push('peak RSS >= 1 GiB');
    if (missed.length > 0) {
      process.stdout.write(`\nmissed: ${missed.join('; ')}\n`);
      process.exitCode = 1;
    }
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

/** One entity with `count` SLOs of every form, objective and window. */
function manySlosYaml(count: number): string {
  const objectives = [99, 99.5, 99.9, 99.95, 99.99];
  const windows = ['7d', '14d', '28d', '30d', '90d'];
  const slos: string[] = [];
  for (let i = 0; i < count; i++) {
    const head = `      - name: slo-${String(i).padStart(4, '0')}
        objective: ${objectives[i % objectives.length]}
        window: ${windows[Math.floor(i / objectives.length) % windows.length]}`;
    slos.push(
      i % 2 === 0
        ? `${head}
        ratio:
          errors: http_requests_total{job="big", route="/r${i}", code=~"5.."}
          total: http_requests_total{job="big", route="/r${i}"}`
        : `${head}
        latency:
          histogram: http_request_duration_seconds
          threshold: 300ms
          selector: '{job="big", route="/r${i}"}'`,
    );
  }
  return `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: big
  annotations:
    lookout.dev/slos: |
${slos.join('\n')}
spec:
  type: service
  lifecycle: production
  owner: group:default/team-big
`;
}

/** The one-entity case: render time and peak RSS of an entity with many SLOs. */
async function oneEntity(count: number) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'lookout-bench-one-'));
  try {
    const catalogDir = path.join(root, 'catalog');
    fs.mkdirSync(catalogDir);
    fs.writeFileSync(path.join(catalogDir, 'big.yaml'), manySlosYaml(count));
    const [load] = os.loadavg();
    const started = performance.now();
    const cpuStart = process.cpuUsage();
    const settings = await readSettings([], {});
    const catalog = await readCatalog([catalogDir]);
    const run = await renderToFolder(catalog.entities, settings, {
      outDir: path.join(root, 'out'),
      format: 'prometheus',
      check: false,
    });
    const ms = performance.now() - started;
    // All threads of the process: on a shared machine this is the figure to trust.
    const { user, system } = process.cpuUsage(cpuStart);
    const cpuMs = (user + system) / 1000;
    const rssBytes = process.resourceUsage().maxRSS * 1024;
    if (run.failed) {
      throw new Error(`the entity has errors: ${run.lines.join('\n')}`);
    }
    const tests = fs.readdirSync(path.join(root, 'out', 'tests')).length;
    process.stdout.write(
      `one entity, ${count} SLOs (prometheus format, with tests)\n` +
        `  machine         ${os.availableParallelism()} cores, load average ${load.toFixed(
          1,
        )}\n` +
        `  render          ${seconds(ms)} (target < 10 s)\n` +
        `  CPU time        ${seconds(cpuMs)}\n` +
        `  peak RSS        ${mib(rssBytes)} (target < 500 MB)\n` +
        `  files in tests/ ${tests}\n`,
    );
    if (ms >= 10_000 || rssBytes >= 500 * 1000 ** 2) {
      process.stdout.write(
        '\nmissed: one entity render >= 10 s or >= 500 MB\n',
      );
      process.exitCode = 1;
    }
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

(ONE_ENTITY ? oneEntity(ONE_ENTITY_SLOS) : main()).catch(error => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exitCode = 1;
});
