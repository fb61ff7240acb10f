/*
 * The live side of the synthetic services: an HTTP /metrics endpoint on 127.0.0.1 whose counters
 * carry on from the backfilled history, so the Prometheus under measurement keeps receiving raw
 * samples and its 5m windows never run dry.
 */
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { CounterValues } from './openMetrics';
import {
  REQUESTS_METRIC,
  SyntheticService,
  seriesIncrements,
} from './services';
import { minuteCounts } from './traffic';

/** A running exporter. */
export interface Exporter {
  /** `127.0.0.1:<port>`, the scrape target. */
  target: string;
  /** Number of series it exposes. */
  seriesCount: number;
  close(): Promise<void>;
}

/**
 * Serves the counters of `services`: `counters` are their values at `lastMinute` (the end of
 * the history); each later minute adds that minute's requests, as the history did. A counter's
 * value at time t includes the minute that ended at or before t.
 */
export async function startExporter(
  services: SyntheticService[],
  instances: number,
  counters: CounterValues,
  lastMinute: number,
): Promise<Exporter> {
  const values = counters.map(series => [...series]);
  let minute = lastMinute;
  const advance = (now: number) => {
    const current = Math.floor(now / 60_000);
    while (minute < current) {
      minute += 1;
      const at = minute;
      services.forEach((service, i) => {
        const split = seriesIncrements(
          minuteCounts(service.traffic, at),
          instances,
          at,
        );
        split.forEach((n, s) => {
          values[i][s] += n;
        });
      });
    }
  };
  const server = http.createServer((request, response) => {
    if (request.url !== '/metrics') {
      response.writeHead(404).end();
      return;
    }
    advance(Date.now());
    const lines = [`# TYPE ${REQUESTS_METRIC} counter`];
    services.forEach((service, i) => {
      service.series.forEach((series, s) => {
        lines.push(`${REQUESTS_METRIC}${series.labels} ${values[i][s]}`);
      });
    });
    response.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' });
    response.end(`${lines.join('\n')}\n`);
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    target: `127.0.0.1:${port}`,
    seriesCount: services.reduce((n, s) => n + s.series.length, 0),
    close: () => new Promise(resolve => server.close(() => resolve())),
  };
}
