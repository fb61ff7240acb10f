/*
 * Worker thread writing one stretch of time of the raw history (see `writeRawHistory`).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { writeOpenMetrics } from './openMetrics';
import { syntheticServices } from './services';

/** What `writeRawHistory` hands each worker. */
export interface OpenMetricsJob {
  file: string;
  count: number;
  instances: number;
  seed: number;
  fromMinute: number;
  toMinute: number;
}

const job = workerData as OpenMetricsJob;
const services = syntheticServices(job.count, job.instances, job.seed);
const start = services.map(service => service.series.map(() => 0));
const values = writeOpenMetrics(
  job.file,
  services,
  job.instances,
  job.fromMinute,
  job.toMinute,
  start,
);
parentPort?.postMessage(values);
