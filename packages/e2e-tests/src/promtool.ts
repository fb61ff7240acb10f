/*
 * History for the test Prometheus: OpenMetrics text turned into TSDB blocks by the real promtool
 * (Debian's `prometheus` package), which Prometheus loads at its next start.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

/** `promtool tsdb create-blocks-from openmetrics <file> <dataDir>`. */
export async function backfillOpenMetrics(
  file: string,
  dataDir: string,
): Promise<void> {
  await promisify(execFile)(
    'promtool',
    ['tsdb', 'create-blocks-from', 'openmetrics', '--quiet', file, dataDir],
    { maxBuffer: 16 * 1024 * 1024 },
  );
}
