/*
 * Worker thread writing one share of the raw history (see `writeRawHistory`).
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
  first: number;
  end: number;
  fromMinute: number;
  toMinute: number;
}

const job = workerData as OpenMetricsJob;
const services = syntheticServices(job.count, job.instances, job.seed).slice(job.first, job.end);
const values = writeOpenMetrics(job.file, services, job.instances, job.fromMinute, job.toMinute);
parentPort?.postMessage(values);
