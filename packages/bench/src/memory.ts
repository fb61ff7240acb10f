/*
 * Memory benchmark of the signals API under hostile load (issue 15, finding 1): a few users send
 * distinct log queries whose answers are ~20 MB each (under Loki's 32 MiB body cap), as fast as
 * the backend takes them, while a well-behaved user keeps asking for a small answer.
 *
 * The backend is the real plugin in a real Backstage backend (startTestBackend: the plugin's
 * router, services, upstream clients and their caches; catalog and auth are the test doubles),
 * configured with the defaults. The fake Loki and the clients run in a child process, so their
 * memory is not counted: this process is the backend alone. Every second it prints the backend's
 * RSS and V8 heap (used and total); at the end the peaks, the answers of each kind, and whether the
 * well-behaved user was answered throughout.
 *
 * Run: yarn bench:memory [--requests 300] [--hostile-users 4] [--clients-per-user 4]
 * [--body-mb 20] (it runs Node with `--expose-gc`: the starting figures are taken after a full
 * garbage collection).
 */
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import observabilityPlugin from '@lookout/plugin-observability-backend';

function flag(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
}

const REQUESTS = flag('requests', 300);
const HOSTILE_USERS = flag('hostile-users', 4);
const CLIENTS_PER_USER = flag('clients-per-user', 4);
const BODY_MB = flag('body-mb', 20);

/**
 * The child process: a fake Loki on 127.0.0.1 answering every query with ~BODY_MB of log lines
 * (distinct per query), except queries for "wellbehaved", answered with one line; and the
 * clients. It reports `{ loki: url }` once listening and waits for `{ backend, tokens }`.
 */
const CHILD = `
const http = require('node:http');
const { bodyMb, requests, hostileUsers, clientsPerUser } = JSON.parse(process.argv[2]);
const line = 'x'.repeat(4000);
const count = Math.floor((bodyMb * 1e6) / (line.length + 40));
const values = [];
const now = BigInt(Date.now()) * 1000000n;
for (let i = 0; i < count; i++) values.push('["' + (now - BigInt(i) * 1000000n) + '","' + line + '"]');
const bulk = Buffer.from(values.join(','));
const answer = (res, query, big) => {
  const head = '{"status":"success","data":{"resultType":"streams","result":[{"stream":{"service_name":"checkout","q":' +
    JSON.stringify(query) + '},"values":[';
  res.writeHead(200, { 'Content-Type': 'application/json' });
  res.write(head);
  res.write(big ? bulk : '["' + now + '","hello"]');
  res.end(']}],"stats":{"summary":{}}}}');
};
const loki = http.createServer((req, res) => {
  const query = new URL(req.url, 'http://x').searchParams.get('query') || '';
  answer(res, query, !query.includes('wellbehaved'));
});
loki.listen(0, '127.0.0.1', () => process.send({ loki: 'http://127.0.0.1:' + loki.address().port }));
process.on('message', async ({ backend, tokens }) => {
  const url = (filter) => backend + '/api/observability/entities/by-name/component/default/checkout/logs?limit=5000&from=' +
    (Date.now() - 3600000) + '&to=' + Date.now() + '&filter=' + encodeURIComponent(filter);
  const counts = { hostileOk: 0, hostile503: 0, hostile504: 0, hostileOther: 0, politeOk: 0, politeFailed: 0 };
  const politeLatencies = [];
  let sent = 0;
  let done = false;
  const hostile = async (token) => {
    while (sent < requests) {
      const n = sent++;
      try {
        const res = await fetch(url('|= "needle-' + n + '"'), { headers: { Authorization: token } });
        await res.arrayBuffer();
        if (res.status === 200) counts.hostileOk++;
        else if (res.status === 503) counts.hostile503++;
        else if (res.status === 504) counts.hostile504++;
        else counts.hostileOther++;
      } catch { counts.hostileOther++; }
    }
  };
  const polite = async () => {
    while (!done) {
      const started = performance.now();
      try {
        const res = await fetch(url('|= "wellbehaved"'), { headers: { Authorization: tokens.polite } });
        await res.arrayBuffer();
        if (res.status === 200) counts.politeOk++; else counts.politeFailed++;
      } catch { counts.politeFailed++; }
      politeLatencies.push(performance.now() - started);
      await new Promise(r => setTimeout(r, 250));
    }
  };
  const politeRun = polite();
  await Promise.all(tokens.hostile.flatMap(token => Array.from({ length: clientsPerUser }, () => hostile(token))));
  done = true;
  await politeRun;
  politeLatencies.sort((a, b) => a - b);
  const p = q => politeLatencies[Math.min(politeLatencies.length - 1, Math.ceil(q * politeLatencies.length) - 1)];
  process.send({ counts, politeP50: p(0.5), politeP95: p(0.95), politeMax: politeLatencies[politeLatencies.length - 1] });
  loki.close();
  process.exit(0);
});
`;

const mib = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'lookout-bench-memory-'));
  const childFile = join(dir, 'child.js');
  writeFileSync(childFile, CHILD);
  const child = fork(
    childFile,
    [
      JSON.stringify({
        bodyMb: BODY_MB,
        requests: REQUESTS,
        hostileUsers: HOSTILE_USERS,
        clientsPerUser: CLIENTS_PER_USER,
      }),
    ],
    // Plain JavaScript: without this process's flags (the node transform would post its own
    // messages on the IPC channel).
    { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], execArgv: [] },
  );
  try {
    const lokiUrl = await new Promise<string>(resolve =>
      child.once('message', (m: { loki: string }) => resolve(m.loki)),
    );
    const backend = await startTestBackend({
      features: [
        observabilityPlugin,
        catalogServiceMock.factory({
          entities: [
            {
              apiVersion: 'backstage.io/v1alpha1',
              kind: 'Component',
              metadata: {
                name: 'checkout',
                namespace: 'default',
                annotations: {
                  'lookout.dev/logs-selector': '{service_name="checkout"}',
                },
              },
              spec: {
                type: 'service',
                owner: 'team-a',
                lifecycle: 'production',
              },
            },
          ],
        }),
        mockServices.rootConfig.factory({
          data: {
            backend: { baseUrl: 'http://localhost:7007', listen: { port: 0 } },
            observability: {
              provisioning: { enabled: false },
              loki: { url: lokiUrl },
            },
          },
        }),
      ],
    });
    const address = backend.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    (globalThis as { gc?: () => void }).gc?.();
    const start = process.memoryUsage();
    console.log(
      `Lookout memory benchmark: ${REQUESTS} distinct log queries answered with ~${BODY_MB} MB each, ` +
        `${HOSTILE_USERS} hostile users × ${CLIENTS_PER_USER} clients, one well-behaved user every 250 ms; ` +
        `default limits (Loki maxResponseBytes 32 MiB, cacheMaxBytes 16 MiB, concurrency 5, 2 per caller; ` +
        `signals.maxInFlightBytes 96 MiB)`,
    );
    console.log(
      `start: RSS ${mib(start.rss)} MiB, heap used ${mib(
        start.heapUsed,
      )} MiB\n\n  s   RSS MiB  heap used  heap total  external+buffers`,
    );
    const peak = { rss: 0, heapUsed: 0, heapTotal: 0, external: 0 };
    const began = Date.now();
    const sample = () => {
      const m = process.memoryUsage();
      peak.rss = Math.max(peak.rss, m.rss);
      peak.heapUsed = Math.max(peak.heapUsed, m.heapUsed);
      peak.heapTotal = Math.max(peak.heapTotal, m.heapTotal);
      peak.external = Math.max(peak.external, m.external + m.arrayBuffers);
      return m;
    };
    const fine = setInterval(sample, 100);
    const printer = setInterval(() => {
      const m = sample();
      console.log(
        `${String(Math.round((Date.now() - began) / 1000)).padStart(3)}   ${mib(
          m.rss,
        ).padStart(7)}  ${mib(m.heapUsed).padStart(9)}  ${mib(
          m.heapTotal,
        ).padStart(10)}  ${mib(m.external + m.arrayBuffers).padStart(16)}`,
      );
    }, 1000);
    const result = new Promise<any>(resolve => child.once('message', resolve));
    child.send({
      backend: `http://127.0.0.1:${port}`,
      tokens: {
        polite: mockCredentials.user.header('user:default/alice'),
        hostile: Array.from({ length: HOSTILE_USERS }, (_, i) =>
          mockCredentials.user.header(`user:default/mallory-${i}`),
        ),
      },
    });
    const outcome = await result;
    clearInterval(fine);
    clearInterval(printer);
    const seconds = (Date.now() - began) / 1000;
    console.log(
      `\n${seconds.toFixed(0)} s. Peaks: RSS ${mib(
        peak.rss,
      )} MiB, heap used ${mib(peak.heapUsed)} MiB, heap total ${mib(
        peak.heapTotal,
      )} MiB, external+array buffers ${mib(
        peak.external,
      )} MiB (start: RSS ${mib(start.rss)} MiB, heap used ${mib(
        start.heapUsed,
      )} MiB)`,
    );
    const c = outcome.counts;
    console.log(
      `hostile answers: ${c.hostileOk} × 200, ${c.hostile503} × 503 (in-flight budget full), ${c.hostile504} × 504, ${c.hostileOther} other`,
    );
    console.log(
      `well-behaved user: ${c.politeOk} answered, ${
        c.politeFailed
      } failed; latency p50 ${outcome.politeP50.toFixed(
        0,
      )} ms, p95 ${outcome.politeP95.toFixed(
        0,
      )} ms, max ${outcome.politeMax.toFixed(0)} ms`,
    );
    await backend.stop();
  } finally {
    child.kill();
    rmSync(dir, { recursive: true, force: true });
  }
}

// Exit once done: outside Jest, startTestBackend leaves its SQLite pools open (its clean-up is
// registered with Jest's afterAll), which would keep the process alive after the figures.
main().then(
  () => process.exit(),
  error => {
    console.error(error);
    process.exit(1);
  },
);
