/*
 * The demo service's HTTP API. `GET /api/items` is the work; `POST /api/orders` places an order
 * (counted in the business metrics of ./orders); `PUT /admin/behaviour` sets its error rate and
 * latency to simulate an outage. Every request is logged as one JSON line carrying the
 * trace id of its span.
 */
import { trace } from '@opentelemetry/api';
import {
  createServer,
  IncomingMessage,
  Server,
  ServerResponse,
} from 'node:http';
import { OrderMetrics, parseOrder } from './orders';

/** How the service misbehaves. */
export interface Behaviour {
  /** Share of requests answered 500, 0..1. */
  errorRate: number;
  /** Added latency in milliseconds. */
  latencyMs: number;
}

/** Writes one log line. */
export type LogSink = (line: string) => void;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    req.on('data', chunk => (body += chunk));
    req.on('end', () => resolve(body));
    req.on('error', reject);
  });
}

function parseBehaviour(text: string, current: Behaviour): Behaviour {
  const input = JSON.parse(text || '{}') as Partial<Behaviour>;
  const next = { ...current, ...input };
  if (
    typeof next.errorRate !== 'number' ||
    next.errorRate < 0 ||
    next.errorRate > 1
  ) {
    throw new Error('errorRate must be a number between 0 and 1');
  }
  if (
    typeof next.latencyMs !== 'number' ||
    next.latencyMs < 0 ||
    next.latencyMs > 60_000
  ) {
    throw new Error(
      'latencyMs must be a number of milliseconds between 0 and 60000',
    );
  }
  return { errorRate: next.errorRate, latencyMs: next.latencyMs };
}

/** Creates the server (not listening yet). */
export function createDemoServer(
  log: LogSink,
  random: () => number = Math.random,
): Server {
  let behaviour: Behaviour = { errorRate: 0, latencyMs: 0 };
  const orders = new OrderMetrics();

  const respond = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };

  return createServer(async (req, res) => {
    const started = Date.now();
    const span = trace.getActiveSpan();
    const url = new URL(req.url ?? '/', 'http://localhost');
    try {
      if (url.pathname === '/admin/behaviour') {
        if (req.method === 'PUT') {
          behaviour = parseBehaviour(await readBody(req), behaviour);
        }
        respond(res, 200, behaviour);
      } else if (url.pathname === '/api/items' && req.method === 'GET') {
        if (behaviour.latencyMs > 0) {
          await new Promise(r => setTimeout(r, behaviour.latencyMs));
        }
        if (random() < behaviour.errorRate) {
          respond(res, 500, { error: 'injected failure' });
        } else {
          respond(res, 200, { items: [{ id: 1, name: 'lantern' }] });
        }
      } else if (url.pathname === '/api/orders' && req.method === 'POST') {
        const order = parseOrder(await readBody(req));
        orders.record(order);
        respond(res, 201, order);
      } else if (url.pathname === '/healthz') {
        respond(res, 200, { ok: true });
      } else {
        respond(res, 404, { error: 'not found' });
      }
    } catch (error) {
      respond(res, 400, { error: (error as Error).message });
    }
    const context = span?.spanContext();
    log(
      JSON.stringify({
        time: new Date().toISOString(),
        level: res.statusCode >= 500 ? 'error' : 'info',
        msg: `${req.method} ${url.pathname} ${res.statusCode}`,
        method: req.method,
        path: url.pathname,
        status: res.statusCode,
        duration_ms: Date.now() - started,
        trace_id: context?.traceId,
        span_id: context?.spanId,
      }),
    );
  });
}
