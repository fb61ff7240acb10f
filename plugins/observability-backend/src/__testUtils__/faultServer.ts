/*
 * A real HTTP server on 127.0.0.1 that misbehaves on demand, standing in for a broken upstream
 * in the fault tests: slow beyond any timeout (on every path or below a prefix), 5xx, redirects,
 * malformed JSON, huge bodies. `downUrl` is a port nothing listens on.
 */
import http from 'node:http';
import { AddressInfo } from 'node:net';

/** How the server answers every request. */
export type Fault =
  | {
      kind: 'slow';
      ms: number;
      /** Only paths with this prefix are slow; the others answer after `otherMs` (default 0). */
      pathPrefix?: string;
      otherMs?: number;
    }
  | { kind: 'redirect'; location: string; status?: number }
  | { kind: 'status'; status: number; body: string; contentType?: string }
  | { kind: 'malformed' }
  /** An OTLP trace whose one span attribute is a map nested `depth` levels deep. */
  | { kind: 'deep'; depth: number }
  | { kind: 'huge'; bytes: number; declareLength: boolean };

export interface FaultServer {
  url: string;
  /** A URL of a port nothing listens on. */
  downUrl: string;
  fault: Fault;
  /** Requests received so far. */
  requests: Array<{ url: string; headers: http.IncomingHttpHeaders }>;
  close(): Promise<void>;
}

async function freePortUrl(): Promise<string> {
  const probe = http.createServer();
  await new Promise<void>(resolve => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>(resolve => probe.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

export async function startFaultServer(): Promise<FaultServer> {
  const timers = new Set<NodeJS.Timeout>();
  const requests: FaultServer['requests'] = [];
  let fault: Fault = { kind: 'malformed' };
  const server = http.createServer((req, res) => {
    requests.push({ url: req.url ?? '', headers: req.headers });
    const current = fault;
    switch (current.kind) {
      case 'slow': {
        const slow =
          !current.pathPrefix || req.url?.startsWith(current.pathPrefix);
        const timer = setTimeout(
          () => {
            timers.delete(timer);
            res.writeHead(200, { 'Content-Type': 'application/json' });
            res.end('{}');
          },
          slow ? current.ms : current.otherMs ?? 0,
        );
        timers.add(timer);
        return;
      }
      case 'status':
        res.writeHead(current.status, {
          'Content-Type': current.contentType ?? 'text/plain',
        });
        res.end(current.body);
        return;
      case 'redirect':
        if (req.url === current.location) {
          // Arrived: a same-origin redirect ends here.
          res.writeHead(200, { 'Content-Type': 'application/json' });
          res.end('{}');
          return;
        }
        res.writeHead(current.status ?? 302, { Location: current.location });
        res.end();
        return;
      case 'deep': {
        const open = '{"kvlistValue":{"values":[{"key":"k","value":'.repeat(
          current.depth,
        );
        const nested = `${open}{"stringValue":"x"}${'}]}}'.repeat(
          current.depth,
        )}`;
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(
          `{"trace":{"resourceSpans":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"checkout"}}]},"scopeSpans":[{"spans":[{"traceId":"W47/95gDgQPSabYzgT/HAA==","spanId":"7uGbfsPBsQA=","name":"x","startTimeUnixNano":"1","endTimeUnixNano":"2","attributes":[{"key":"deep","value":${nested}}]}]}]}]}}`,
        );
        return;
      }
      case 'malformed':
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end('{"status":"success","data":{"resultType":"vect');
        return;
      case 'huge': {
        const chunk = Buffer.alloc(64 * 1024, 'x');
        res.writeHead(200, {
          'Content-Type': 'application/json',
          ...(current.declareLength && {
            'Content-Length': String(current.bytes),
          }),
        });
        let sent = 0;
        const write = () => {
          while (sent < current.bytes) {
            const size = Math.min(chunk.length, current.bytes - sent);
            sent += size;
            if (!res.write(chunk.subarray(0, size))) {
              res.once('drain', write);
              return;
            }
          }
          res.end();
        };
        res.on('error', () => undefined);
        write();
        return;
      }
      default:
        res.writeHead(500);
        res.end();
    }
  });
  const state: FaultServer = {
    url: '',
    downUrl: await freePortUrl(),
    get fault() {
      return fault;
    },
    set fault(next: Fault) {
      fault = next;
    },
    requests,
    close: async () => {
      timers.forEach(clearTimeout);
      server.closeAllConnections();
      await new Promise<void>(resolve => server.close(() => resolve()));
    },
  };
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  state.url = `http://127.0.0.1:${port}`;
  return state;
}
