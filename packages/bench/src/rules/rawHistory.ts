/*
 * Writing the raw history in parallel: each worker thread writes one stretch of time, for every
 * series, into its own OpenMetrics file. promtool imports the files in parallel too, and since
 * the stretches do not overlap, neither do the blocks, which Prometheus would otherwise compact.
 * Each stretch starts its counters at zero, as after a restart of every instance: `rate` and
 * `increase` count a reset as the counter's new value, which is exactly the stretch's first
 * increment, so no request is lost or counted twice.
 */
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { CounterValues } from './openMetrics';
import type { OpenMetricsJob } from './openMetricsWorker';

/** The files written and the counters at the last minute, per service in order. */
export interface RawHistory {
  files: string[];
  counters: CounterValues;
}

/** Writes the history of `count` services over `fromMinute`…`toMinute` into `parts` files. */
export async function writeRawHistory(options: {
  dir: string;
  count: number;
  instances: number;
  seed: number;
  fromMinute: number;
  toMinute: number;
  parts: number;
}): Promise<RawHistory> {
  const { fromMinute, toMinute, parts } = options;
  const minutes = toMinute - fromMinute + 1;
  const jobs: OpenMetricsJob[] = [];
  for (let part = 0; part < parts; part++) {
    const first = fromMinute + Math.floor((minutes * part) / parts);
    const last = fromMinute + Math.floor((minutes * (part + 1)) / parts) - 1;
    jobs.push({
      file: path.join(options.dir, `raw-${part}.om`),
      count: options.count,
      instances: options.instances,
      seed: options.seed,
      fromMinute: first,
      toMinute: last,
    });
  }
  const results = await Promise.all(
    jobs.map(
      job =>
        new Promise<CounterValues>((resolve, reject) => {
          const worker = new Worker(
            resolvePackagePath('bench', 'src/rules/openMetricsWorker.ts'),
            {
              workerData: job,
            },
          );
          worker.once('message', resolve);
          worker.once('error', reject);
          worker.once('exit', code => {
            if (code !== 0) {
              reject(
                new Error(
                  `writing ${job.file}: worker exited with code ${code}`,
                ),
              );
            }
          });
        }),
    ),
  );
  return {
    files: jobs.map(job => job.file),
    counters: results[results.length - 1],
  };
}
