/*
 * What the HTTP benchmarks (api, metrics) share: the load generator run in a worker thread,
 * percentiles of its latencies, and the count of queries Prometheus answered meanwhile.
 */
import { Worker } from 'node:worker_threads';
import type { StackProcess } from '@lookout/plugin-observability-backend/testUtils';

/** The p-th percentile (nearest rank) of ascending `sorted`; NaN when empty. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[
    Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)
  ];
}

/** Instant and range queries Prometheus has answered since it started. */
export async function prometheusQueryCount(
  prometheus: StackProcess,
): Promise<number> {
  const text = await (await fetch(`${prometheus.url}/metrics`)).text();
  return text
    .split('\n')
    .filter(line =>
      /^prometheus_http_requests_total\{.*handler="\/api\/v1\/query(_range)?"/.test(
        line,
      ),
    )
    .reduce((sum, line) => sum + Number(line.split(' ').pop()), 0);
}

/** A load phase's figures, the latencies in milliseconds. */
export interface LoadFigures {
  count: number;
  errors: number;
  p50: number;
  p95: number;
  p99: number;
  /** Queries Prometheus answered during the phase. */
  upstreamQueries: number;
}

/**
 * Runs `workerSource` (which posts `{ latencies, errors }` once done) with `workerData` in a
 * worker thread, so the load generator does not share the event loop of the backend it
 * measures, and counts Prometheus's queries around it.
 */
export async function runLoadPhase(
  workerSource: string,
  workerData: unknown,
  prometheus: StackProcess,
): Promise<LoadFigures> {
  const before = await prometheusQueryCount(prometheus);
  const worker = new Worker(workerSource, { eval: true, workerData });
  const { latencies, errors } = await new Promise<{
    latencies: number[];
    errors: number;
  }>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  await worker.terminate();
  const after = await prometheusQueryCount(prometheus);
  latencies.sort((a, b) => a - b);
  return {
    count: latencies.length,
    errors,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    upstreamQueries: after - before,
  };
}
