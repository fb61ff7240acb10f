/*
 * Benchmark of the provisioning reconciler (run with `yarn bench:reconcile`): a catalog of N
 * annotated entities (default 10,000), the real parser, render engine, reconciler, SQLite state
 * store and `kustomize` sink into a temporary folder.
 *
 * Reports the first reconcile (everything rendered and written), a no-op reconcile (target
 * under 2 s, with 0 file and 0 database writes), and the time from one entity's annotation change
 * to its new files on disk (the work of the run; the scheduler adds up to one interval on top).
 *
 * Each figure comes with the CPU time of this process over the same span (all threads: the sink's
 * file operations run on libuv's pool), the figure to compare on a shared machine.
 *
 * Options: --entities <n> (default 10000), --json (one JSON line instead of the table).
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { ConfigReader } from '@backstage/config';
import { Entity } from '@backstage/catalog-model';
import { mockServices } from '@backstage/backend-test-utils';
import knexFactory from 'knex';
import {
  KustomizeSink,
  readObservabilityConfig,
} from '@lookout/plugin-observability-node';
// Internals: the provisioning loop's parts, a catalog that can change between runs, and a file
// system that counts writes.
import {
  DatabaseProvisioningStore,
  EntityPipeline,
  migrateProvisioningDatabase,
  MutableCatalog,
  Reconciler,
} from '@lookout/plugin-observability-backend/testUtils';
import { CrashingFileSystem } from '@lookout/plugin-observability-node/testUtils';

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

/** Entity number `i`: four shapes, as service owners annotate them. */
function entity(i: number, objective = '99.9'): Entity {
  const name = `service-${String(i).padStart(5, '0')}`;
  const shapes: Array<Record<string, string>> = [
    {
      'lookout.dev/metrics-port': 'http-metrics',
      'lookout.dev/slo-availability': objective,
    },
    {
      'lookout.dev/metrics-port': '8080',
      'lookout.dev/slo-availability': objective,
      'lookout.dev/slo-latency': '99% < 250ms',
      'lookout.dev/slo-window': '28d',
    },
    {
      'lookout.dev/metrics-targets': `${name}-1.internal:9100, ${name}-2.internal:9100`,
      'lookout.dev/slo-availability': objective,
    },
    {
      'lookout.dev/metrics-port': 'http',
      'lookout.dev/slos': [
        '- name: availability',
        `  objective: ${objective}`,
        '  ratio:',
        `    errors: http_requests_total{job="${name}", code=~"5.."}`,
        `    total: http_requests_total{job="${name}"}`,
      ].join('\n'),
    },
  ];
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace: 'default',
      annotations: {
        'backstage.io/kubernetes-id': name,
        'backstage.io/kubernetes-namespace': `team-${i % 20}`,
        ...shapes[i % shapes.length],
      },
    },
    spec: {
      type: 'service',
      lifecycle: 'production',
      owner: `group:default/team-${i % 20}`,
    },
  };
}

async function main() {
  const count = Number(argument('--entities') ?? 10_000);
  const json = process.argv.includes('--json');
  const dir = await fs.mkdtemp(
    path.join(os.tmpdir(), 'lookout-bench-reconcile-'),
  );
  const db = knexFactory({
    client: 'better-sqlite3',
    connection: { filename: path.join(dir, 'state.sqlite') },
    useNullAsDefault: true,
  });
  try {
    await migrateProvisioningDatabase({ getClient: async () => db });
    let dbWrites = 0;
    db.on('query', (query: { method?: string }) => {
      if (
        query.method &&
        ['insert', 'update', 'del', 'delete'].includes(query.method)
      ) {
        dbWrites += 1;
      }
    });

    const entities = Array.from({ length: count }, (_, i) => entity(i));
    const catalog = new MutableCatalog(entities);
    const files = new CrashingFileSystem();
    const output = path.join(dir, 'entities');
    const settings = readObservabilityConfig(new ConfigReader({}));
    const reconciler = new Reconciler({
      catalog: catalog.service,
      auth: mockServices.auth(),
      store: new DatabaseProvisioningStore(db),
      sinks: [new KustomizeSink({ directory: output, fileSystem: files })],
      pipeline: new EntityPipeline(settings),
      logger: mockServices.rootLogger({ level: 'error' }),
      retry: { initialDelayMs: 30_000, maxDelayMs: 3_600_000 },
      fullSyncIntervalMs: 3_600_000,
    });

    const measure = async () => {
      const writesBefore = files.writes;
      const dbBefore = dbWrites;
      const started = performance.now();
      const cpuBefore = process.cpuUsage();
      const summary = await reconciler.reconcile();
      const cpu = process.cpuUsage(cpuBefore);
      return {
        ms: Math.round(performance.now() - started),
        cpuMs: Math.round((cpu.user + cpu.system) / 1000),
        fileWrites: files.writes - writesBefore,
        dbWrites: dbWrites - dbBefore,
        summary,
      };
    };

    const first = await measure();
    const noop = await measure();

    // One entity's annotation changes; time until its new rule file is on disk.
    const target = 4242 % count;
    entities[target] = entity(target, '99.5');
    catalog.set(entities);
    const changeStarted = performance.now();
    const change = await measure();
    const ruleFile = path.join(
      output,
      `component-default-${entities[target].metadata.name}`,
      'prometheusrule.yaml',
    );
    const content = await fs.readFile(ruleFile, 'utf8');
    const changeToFilesMs = Math.round(performance.now() - changeStarted);
    if (!content.includes('0.995')) {
      throw new Error(`${ruleFile} does not hold the new objective`);
    }
    const noopAfter = await measure();

    const result = {
      entities: count,
      node: process.version,
      firstReconcile: {
        ms: first.ms,
        cpuMs: first.cpuMs,
        fileWrites: first.fileWrites,
        dbWrites: first.dbWrites,
      },
      noopReconcile: {
        ms: noop.ms,
        cpuMs: noop.cpuMs,
        fileWrites: noop.fileWrites,
        dbWrites: noop.dbWrites,
      },
      oneChange: {
        changeToFilesMs,
        cpuMs: change.cpuMs,
        rendered: change.summary.rendered,
        fileWrites: change.fileWrites,
        dbWrites: change.dbWrites,
      },
      noopAfterChange: {
        ms: noopAfter.ms,
        cpuMs: noopAfter.cpuMs,
        fileWrites: noopAfter.fileWrites,
        dbWrites: noopAfter.dbWrites,
      },
    };
    if (json) {
      process.stdout.write(`${JSON.stringify(result)}\n`);
    } else {
      const line = (label: string, value: string) =>
        process.stdout.write(`${label.padEnd(44)} ${value}\n`);
      process.stdout.write(
        `Reconciler benchmark: ${count} entities, Node ${process.version}\n`,
      );
      line(
        'first reconcile',
        `${first.ms} ms (CPU ${first.cpuMs} ms), ${first.fileWrites} file ops, ${first.dbWrites} db writes`,
      );
      line(
        'no-op reconcile (target < 2000 ms, 0 writes)',
        `${noop.ms} ms (CPU ${noop.cpuMs} ms), ${noop.fileWrites} file ops, ${noop.dbWrites} db writes`,
      );
      line(
        'one annotation change → new files',
        `${changeToFilesMs} ms (CPU ${change.cpuMs} ms; ${change.summary.rendered} rendered, ${change.fileWrites} file ops, ${change.dbWrites} db writes)`,
      );
      line(
        'no-op reconcile after the change',
        `${noopAfter.ms} ms (CPU ${noopAfter.cpuMs} ms), ${noopAfter.fileWrites} file ops, ${noopAfter.dbWrites} db writes`,
      );
    }
    const ok = noop.ms < 2000 && noop.fileWrites === 0 && noop.dbWrites === 0;
    process.exitCode = ok ? 0 : 1;
  } finally {
    await db.destroy();
    await fs.rm(dir, { recursive: true, force: true });
  }
}

main().catch(error => {
  process.stderr.write(`bench-reconcile: ${error.stack ?? error}\n`);
  process.exitCode = 1;
});
