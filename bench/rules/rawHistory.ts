/*
 * Writing the raw history in parallel: the services are shared between worker threads, each
 * writing its own OpenMetrics file (promtool then imports the files in parallel too).
 */
import path from 'node:path';
import { Worker } from 'node:worker_threads';
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
  const { dir, count, parts } = options;
  const jobs: OpenMetricsJob[] = [];
  for (let part = 0; part < parts; part++) {
    const first = Math.floor((count * part) / parts);
    const end = Math.floor((count * (part + 1)) / parts);
    if (end > first) {
      jobs.push({
        file: path.join(dir, `raw-${part}.om`),
        count,
        instances: options.instances,
        seed: options.seed,
        first,
        end,
        fromMinute: options.fromMinute,
        toMinute: options.toMinute,
      });
    }
  }
  const results = await Promise.all(
    jobs.map(
      job =>
        new Promise<CounterValues>((resolve, reject) => {
          const worker = new Worker(path.join(__dirname, 'openMetricsWorker.ts'), {
            workerData: job,
          });
          worker.once('message', resolve);
          worker.once('error', reject);
          worker.once('exit', code => {
            if (code !== 0) {
              reject(new Error(`writing ${job.file}: worker exited with code ${code}`));
            }
          });
        }),
    ),
  );
  return { files: jobs.map(job => job.file), counters: results.flat() };
}
