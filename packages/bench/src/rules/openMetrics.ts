/*
 * The raw history of the synthetic services as OpenMetrics text, the input of
 * `promtool tsdb create-blocks-from openmetrics`: one counter sample per series and minute.
 */
import fs from 'node:fs';
import {
  REQUESTS_METRIC,
  SyntheticService,
  seriesIncrements,
} from './services';
import { minuteCounts } from './traffic';

/** Counter values of every series of every service, in order. */
export type CounterValues = number[][];

const FLUSH_BYTES = 8 * 1024 * 1024;

/**
 * Writes the samples of `services` for the minutes `fromMinute` ≤ m ≤ `toMinute` (Unix time in
 * minutes) to `file`, carrying on from the counter values `start`. Returns the counters at
 * `toMinute`.
 */
export function writeOpenMetrics(
  file: string,
  services: SyntheticService[],
  instances: number,
  fromMinute: number,
  toMinute: number,
  start: CounterValues,
): CounterValues {
  const fd = fs.openSync(file, 'w');
  let buffer = `# TYPE ${REQUESTS_METRIC.replace(/_total$/, '')} counter\n`;
  const flush = () => {
    fs.writeSync(fd, buffer);
    buffer = '';
  };
  const finalValues: CounterValues = [];
  const minutes = toMinute - fromMinute + 1;
  try {
    services.forEach((service, index) => {
      const increments: number[][] = service.series.map(
        () => new Array<number>(minutes),
      );
      for (let i = 0; i < minutes; i++) {
        const minute = fromMinute + i;
        const split = seriesIncrements(
          minuteCounts(service.traffic, minute),
          instances,
          minute,
        );
        for (let s = 0; s < split.length; s++) {
          increments[s][i] = split[s];
        }
      }
      const values: number[] = [];
      service.series.forEach((series, s) => {
        const prefix = `${REQUESTS_METRIC}${series.labels} `;
        let value = start[index][s];
        for (let i = 0; i < minutes; i++) {
          value += increments[s][i];
          buffer += `${prefix}${value} ${(fromMinute + i) * 60}\n`;
          if (buffer.length > FLUSH_BYTES) {
            flush();
          }
        }
        values.push(value);
      });
      finalValues.push(values);
    });
    buffer += '# EOF\n';
    flush();
  } finally {
    fs.closeSync(fd);
  }
  return finalValues;
}
