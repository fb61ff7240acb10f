/*
 * Worker thread writing one stretch of time of the raw history (see `writeRawHistory`).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { countersAfter, writeOpenMetrics } from './openMetrics';
import { syntheticServices } from './services';

/** What `writeRawHistory` hands each worker. */
export interface OpenMetricsJob {
  file: string;
  count: number;
  instances: number;
  seed: number;
  /** First minute of the whole history: counters start at 0 before it. */
  historyStart: number;
  fromMinute: number;
  toMinute: number;
}

const job = workerData as OpenMetricsJob;
const services = syntheticServices(job.count, job.instances, job.seed);
const start = countersAfter(services, job.instances, job.historyStart, job.fromMinute - 1);
const values = writeOpenMetrics(job.file, services, job.instances, job.fromMinute, job.toMinute, start);
parentPort?.postMessage(values);
