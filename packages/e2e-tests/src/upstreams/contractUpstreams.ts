/*
 * Contract upstreams: Loki's and Tempo's HTTP query APIs served on 127.0.0.1 by a small real HTTP
 * server from recorded data (./recordings, see its README), since this machine has no Loki or
 * Tempo binary. It is not Loki or Tempo: it evaluates what Lookout sends (stream selector, line
 * filters, tenant, time range, limit, direction; TraceQL service condition, time range, limit;
 * trace by id in both API versions) and answers anything else with a 400 that says so.
 */
import { readdirSync, readFileSync } from 'node:fs';
import {
  createServer,
  IncomingMessage,
  Server,
  ServerResponse,
} from 'node:http';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { REPO_ROOT } from '../startLookout';

const RECORDINGS = join(
  REPO_ROOT,
  'packages/e2e-tests/src/upstreams/recordings',
);
const NS_PER_MS = 1_000_000n;

/** Data synthesised at size from the recorded shapes (benchmarks). */
export interface UpstreamScale {
  /** Extra log lines in the `checkout` streams of tenant `shop`, over the last 50 minutes. */
  logLines?: number;
  /** Spans of one extra trace of `checkout` ({@link SYNTHETIC_TRACE_ID}). */
  traceSpans?: number;
}

/** Id of the synthesised trace of {@link UpstreamScale.traceSpans}. */
export const SYNTHETIC_TRACE_ID = '5ca1ab1e0000000000000000000a11ce';

/** Options of {@link startContractUpstreams}. */
export interface ContractUpstreamsOptions {
  /** The clock the recorded times are shifted to; default `Date.now()`. */
  now?: number;
  scale?: UpstreamScale;
}

/** A running server. */
export interface ContractUpstreams {
  /** Base URL of the Loki API (`/loki/api/v1/...`). */
  lokiUrl: string;
  /** Base URL of the Tempo API (`/api/search`, `/api/v2/traces/:id`). */
  tempoUrl: string;
  /** The tenant of the recorded streams (`X-Scope-OrgID`). */
  lokiTenant: string;
  /** The recorded log lines as served (shifted times), newest first. */
  logLines: ServedLogLine[];
  /** The traces served, by id. */
  traces: ServedTrace[];
  /** Requests answered so far, by path (for tests that check what was asked). */
  requests: string[];
  stop(): Promise<void>;
}

/** One log line as served. */
export interface ServedLogLine {
  labels: Record<string, string>;
  timestampNs: bigint;
  line: string;
  categories?: {
    structuredMetadata?: Record<string, string>;
    parsed?: Record<string, string>;
  };
}

/** One trace as served. */
export interface ServedTrace {
  traceId: string;
  /** OTLP JSON resource spans (v1 `batches`). */
  batches: OtlpBatch[];
  rootService: string;
  rootName: string;
  startNs: bigint;
  endNs: bigint;
  spanCount: number;
  /** Per service: spans and error spans. */
  serviceStats: Record<string, { spanCount: number; errorCount: number }>;
}

interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: string;
  startTimeUnixNano: string;
  endTimeUnixNano: string;
  attributes?: unknown[];
  events?: Array<{
    timeUnixNano: string;
    name: string;
    attributes?: unknown[];
  }>;
  status?: { code?: string; message?: string };
}

interface OtlpBatch {
  resource: {
    attributes: Array<{ key: string; value: { stringValue?: string } }>;
  };
  scopeSpans: Array<{ scope: unknown; spans: OtlpSpan[] }>;
}

function readJson(path: string): any {
  return JSON.parse(readFileSync(path, 'utf8'));
}

/** Lines of a recorded Loki `query_range` answer. */
function recordedLogLines(file: string): ServedLogLine[] {
  const body = readJson(join(RECORDINGS, 'loki', file));
  return body.data.result.flatMap((stream: any) =>
    stream.values.map((value: any[]) => ({
      labels: stream.stream,
      timestampNs: BigInt(value[0]),
      line: value[1],
      ...(value[2] && { categories: value[2] }),
    })),
  );
}

function serviceOf(batch: OtlpBatch): string {
  return (
    batch.resource.attributes.find(a => a.key === 'service.name')?.value
      .stringValue ?? ''
  );
}

function hexOfBase64(id: string): string {
  return Buffer.from(id, 'base64').toString('hex');
}

function summarise(traceId: string, batches: OtlpBatch[]): ServedTrace {
  let root: { span: OtlpSpan; service: string } | undefined;
  let startNs: bigint | undefined;
  let endNs: bigint | undefined;
  let spanCount = 0;
  const serviceStats: ServedTrace['serviceStats'] = {};
  for (const batch of batches) {
    const service = serviceOf(batch);
    const stats = (serviceStats[service] ??= { spanCount: 0, errorCount: 0 });
    for (const scope of batch.scopeSpans) {
      for (const span of scope.spans) {
        spanCount++;
        stats.spanCount++;
        if (span.status?.code === 'STATUS_CODE_ERROR') stats.errorCount++;
        if (!span.parentSpanId) root ??= { span, service };
        const s = BigInt(span.startTimeUnixNano);
        const e = BigInt(span.endTimeUnixNano);
        if (startNs === undefined || s < startNs) startNs = s;
        if (endNs === undefined || e > endNs) endNs = e;
      }
    }
  }
  return {
    traceId,
    batches,
    rootService: root?.service ?? '',
    rootName: root?.span.name ?? '',
    startNs: startNs ?? 0n,
    endNs: endNs ?? 0n,
    spanCount,
    serviceStats,
  };
}

/** Moves every time of an OTLP trace by `offsetNs`. */
function shiftBatches(batches: OtlpBatch[], offsetNs: bigint): OtlpBatch[] {
  const shift = (ns: string) => (BigInt(ns) + offsetNs).toString();
  return batches.map(batch => ({
    ...batch,
    scopeSpans: batch.scopeSpans.map(scope => ({
      ...scope,
      spans: scope.spans.map(span => ({
        ...span,
        startTimeUnixNano: shift(span.startTimeUnixNano),
        endTimeUnixNano: shift(span.endTimeUnixNano),
        ...(span.events && {
          events: span.events.map(event => ({
            ...event,
            timeUnixNano: shift(event.timeUnixNano),
          })),
        }),
      })),
    })),
  }));
}

/** A deterministic pseudo-random sequence (mulberry32), so synthesised data is the same each run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` log lines in the recorded streams' label sets, one every ~0.6 s before `endNs`. */
function synthesiseLogLines(
  count: number,
  endNs: bigint,
  streams: Array<Record<string, string>>,
): ServedLogLine[] {
  const next = random(7);
  const messages = [
    (i: number) =>
      `level=info msg="order placed" order_id=${100000 + i} items=${
        1 + (i % 5)
      }`,
    (i: number) =>
      `level=info msg="cart loaded" cart_id=${8000 + (i % 977)} duration=${
        (i % 90) + 3
      }ms`,
    (i: number) =>
      `level=warn msg="slow payment provider" duration=${(
        1 +
        (i % 9) / 10
      ).toFixed(2)}s`,
    (i: number) =>
      `level=error msg="payment provider timeout" trace_id=${SYNTHETIC_TRACE_ID} duration=30.0${
        i % 10
      }s`,
    (i: number) => `level=debug msg="cache hit" key=price:${i % 311}`,
  ];
  const lines: ServedLogLine[] = [];
  let t = endNs;
  for (let i = 0; i < count; i++) {
    t -= BigInt(Math.round(300 + next() * 600)) * NS_PER_MS;
    const message = messages[i % messages.length](i);
    const level = /level=(\w+)/.exec(message)![1];
    lines.push({
      labels: { ...streams[i % streams.length], level, synthesised: 'true' },
      timestampNs: t,
      line: message,
    });
  }
  return lines;
}

/**
 * One trace of `spanCount` spans of `checkout` and three downstream services, nested up to eight
 * levels deep, with every 97th span an error, starting `startNs`.
 */
function synthesiseTrace(spanCount: number, startNs: bigint): OtlpBatch[] {
  const next = random(11);
  const services = ['checkout', 'payments-api', 'inventory', 'cart-db'];
  const operations = [
    'GET /api/cart',
    'payments.Charges/Charge',
    'stock.reserve',
    'SELECT carts',
  ];
  const b64 = (hex: string) => Buffer.from(hex, 'hex').toString('base64');
  const traceId = b64(SYNTHETIC_TRACE_ID);
  const spansByService = new Map<string, OtlpSpan[]>(
    services.map(s => [s, []]),
  );
  const totalMs = 4_000;
  interface Node {
    id: string;
    depth: number;
    start: number;
    end: number;
  }
  const nodes: Node[] = [];
  const spanId = (i: number) => (0x1000000000000000n + BigInt(i)).toString(16);
  for (let i = 0; i < spanCount; i++) {
    let parent: Node | undefined;
    let start = 0;
    let end = totalMs;
    if (i > 0) {
      // Parents among the earlier spans, deeper ones more often: a bushy tree of limited depth.
      do {
        parent = nodes[Math.floor(Math.sqrt(next()) * nodes.length)];
      } while (parent.depth >= 7);
      const length = parent.end - parent.start;
      start = parent.start + next() * length * 0.8;
      end = start + Math.max(0.01, next() * (parent.end - start));
    }
    const node: Node = {
      id: spanId(i),
      depth: parent ? parent.depth + 1 : 0,
      start,
      end,
    };
    nodes.push(node);
    const service = i === 0 ? 'checkout' : services[i % services.length];
    const error = i > 0 && i % 97 === 0;
    const ns = (ms: number) =>
      (startNs + BigInt(Math.round(ms * 1e6))).toString();
    spansByService.get(service)!.push({
      traceId,
      spanId: b64(node.id),
      ...(parent && { parentSpanId: b64(parent.id) }),
      name:
        i === 0
          ? 'POST /api/checkout (synthesised)'
          : `${operations[i % operations.length]} #${i}`,
      kind: i === 0 ? 'SPAN_KIND_SERVER' : 'SPAN_KIND_CLIENT',
      startTimeUnixNano: ns(start),
      endTimeUnixNano: ns(end),
      attributes: [{ key: 'synthesised', value: { boolValue: true } }],
      status: error
        ? { code: 'STATUS_CODE_ERROR', message: 'synthesised error' }
        : {},
    });
  }
  return services.map(service => ({
    resource: {
      attributes: [{ key: 'service.name', value: { stringValue: service } }],
    },
    scopeSpans: [
      {
        scope: { name: 'lookout.synthesised' },
        spans: spansByService.get(service)!,
      },
    ],
  }));
}

/** A LogQL string literal ("..." with escapes, or `...`). */
function unquote(literal: string): string {
  return literal.startsWith('`') ? literal.slice(1, -1) : JSON.parse(literal);
}

const MATCHER =
  /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*(=~|!~|!=|=)\s*("(?:[^"\\]|\\.)*"|`[^`]*`)\s*,?/;
const LINE_FILTER = /^\s*(\|=|!=|\|~|!~)\s*("(?:[^"\\]|\\.)*"|`[^`]*`)/;

class BadQuery extends Error {}

/** The stream selector and line filters of a log query, as predicates. */
function parseLogQuery(query: string): {
  matches: (labels: Record<string, string>) => boolean;
  keeps: (line: string) => boolean;
} {
  let rest = query.trim();
  if (!rest.startsWith('{')) throw new BadQuery('expected a stream selector');
  rest = rest.slice(1);
  const matchers: Array<(labels: Record<string, string>) => boolean> = [];
  for (;;) {
    const close = /^\s*\}/.exec(rest);
    if (close) {
      rest = rest.slice(close[0].length);
      break;
    }
    const m = MATCHER.exec(rest);
    if (!m)
      throw new BadQuery(
        `cannot read the stream selector near "${rest.slice(0, 20)}"`,
      );
    rest = rest.slice(m[0].length);
    const [, name, op, literal] = m;
    const value = unquote(literal);
    const re = new RegExp(`^(?:${value})$`);
    matchers.push(labels => {
      const actual = labels[name] ?? '';
      switch (op) {
        case '=':
          return actual === value;
        case '!=':
          return actual !== value;
        case '=~':
          return re.test(actual);
        default:
          return !re.test(actual);
      }
    });
  }
  const filters: Array<(line: string) => boolean> = [];
  while (rest.trim()) {
    const f = LINE_FILTER.exec(rest);
    if (!f) {
      throw new BadQuery(
        `this contract double of Loki evaluates stream selectors and line filters only, not "${rest.trim()}"`,
      );
    }
    rest = rest.slice(f[0].length);
    const [, op, literal] = f;
    const value = unquote(literal);
    const re = new RegExp(value);
    filters.push(line => {
      switch (op) {
        case '|=':
          return line.includes(value);
        case '!=':
          return !line.includes(value);
        case '|~':
          return re.test(line);
        default:
          return !re.test(line);
      }
    });
  }
  return {
    matches: labels => matchers.every(m => m(labels)),
    keeps: line => filters.every(f => f(line)),
  };
}

/** `{ resource.service.name = "x" }` or `{ resource.service.name = "x" && (status = error) }`. */
function parseTraceQuery(q: string): { service: string; errorsOnly: boolean } {
  const m =
    /^\{\s*resource\.service\.name\s*=\s*("(?:[^"\\]|\\.)*")\s*(?:&&\s*\((.*)\))?\s*\}$/s.exec(
      q.trim(),
    );
  if (!m) {
    throw new BadQuery(
      'this contract double of Tempo evaluates { resource.service.name = "..." } searches only',
    );
  }
  const condition = m[2]?.trim();
  if (condition && !/^status\s*=\s*error$/.test(condition)) {
    throw new BadQuery(
      `this contract double of Tempo evaluates the condition "status = error" only, not "${condition}"`,
    );
  }
  return { service: JSON.parse(m[1]), errorsOnly: Boolean(condition) };
}

function send(res: ServerResponse, status: number, body: string, type: string) {
  res.writeHead(status, {
    'content-type': type,
    'content-length': Buffer.byteLength(body),
  });
  res.end(body);
}

function json(res: ServerResponse, body: unknown) {
  send(res, 200, JSON.stringify(body), 'application/json');
}

function text(res: ServerResponse, status: number, body: string) {
  send(res, status, `${body}\n`, 'text/plain; charset=utf-8');
}

function requiredInteger(params: URLSearchParams, name: string): bigint {
  const value = params.get(name);
  if (!value || !/^\d+$/.test(value))
    throw new BadQuery(`invalid ${name}: ${value}`);
  return BigInt(value);
}

/** Starts the server on 127.0.0.1 (an ephemeral port). */
export async function startContractUpstreams(
  options: ContractUpstreamsOptions = {},
): Promise<ContractUpstreams> {
  const now = BigInt(options.now ?? Date.now()) * NS_PER_MS;
  const recorded = [
    ...recordedLogLines('query_range-streams.json'),
    ...recordedLogLines('query_range-streams-categorize-labels.json'),
  ];
  const newest = recorded.reduce(
    (max, l) => (l.timestampNs > max ? l.timestampNs : max),
    0n,
  );
  // The newest recorded line lands two minutes before now.
  const offset = now - 120_000n * NS_PER_MS - newest;
  const lokiTenant = 'shop';
  const logLines: ServedLogLine[] = recorded.map(l => ({
    ...l,
    timestampNs: l.timestampNs + offset,
  }));
  const traceFiles = readdirSync(join(RECORDINGS, 'tempo')).filter(f =>
    f.endsWith('.json'),
  );
  const traces = traceFiles.map(file =>
    summarise(
      file.replace(/\.json$/, ''),
      shiftBatches(readJson(join(RECORDINGS, 'tempo', file)).batches, offset),
    ),
  );
  for (const trace of traces) {
    for (const batch of trace.batches) {
      for (const span of batch.scopeSpans.flatMap(s => s.spans)) {
        if (hexOfBase64(span.traceId) !== trace.traceId) {
          throw new Error(
            `recordings/tempo/${trace.traceId}.json holds a span of another trace`,
          );
        }
      }
    }
  }
  if (options.scale?.logLines) {
    const streams = [...new Set(recorded.map(l => JSON.stringify(l.labels)))]
      .map(s => JSON.parse(s))
      .filter(labels => labels.app === 'checkout');
    logLines.push(
      ...synthesiseLogLines(
        options.scale.logLines,
        now - 60_000n * NS_PER_MS,
        streams,
      ),
    );
  }
  if (options.scale?.traceSpans) {
    traces.push(
      summarise(
        SYNTHETIC_TRACE_ID,
        synthesiseTrace(
          options.scale.traceSpans,
          now - 30n * 60_000n * NS_PER_MS,
        ),
      ),
    );
  }
  // Newest first.
  logLines.sort((a, b) => {
    if (a.timestampNs === b.timestampNs) return 0;
    return a.timestampNs > b.timestampNs ? -1 : 1;
  });
  const requests: string[] = [];

  function lokiQueryRange(
    req: IncomingMessage,
    res: ServerResponse,
    params: URLSearchParams,
  ) {
    const tenant = req.headers['x-scope-orgid'];
    if (!tenant) {
      text(res, 401, 'no org id');
      return;
    }
    const { matches, keeps } = parseLogQuery(params.get('query') ?? '');
    const start = requiredInteger(params, 'start');
    const end = requiredInteger(params, 'end');
    const limit = Number(params.get('limit') ?? '100');
    const direction = params.get('direction') ?? 'backward';
    if (direction !== 'backward' && direction !== 'forward') {
      throw new BadQuery(`invalid direction: ${direction}`);
    }
    const selected = (tenant === lokiTenant ? logLines : [])
      .filter(l => l.timestampNs >= start && l.timestampNs < end)
      .filter(l => matches(l.labels) && keeps(l.line));
    // logLines are newest first.
    const ordered =
      direction === 'backward' ? selected : [...selected].reverse();
    const kept = ordered.slice(0, limit);
    const categorize = String(
      req.headers['x-loki-response-encoding-flags'] ?? '',
    ).includes('categorize-labels');
    const streams = new Map<
      string,
      { stream: Record<string, string>; values: unknown[] }
    >();
    for (const l of kept) {
      const key = JSON.stringify(l.labels);
      let stream = streams.get(key);
      if (!stream) {
        stream = { stream: l.labels, values: [] };
        streams.set(key, stream);
      }
      stream.values.push(
        categorize
          ? [l.timestampNs.toString(), l.line, l.categories ?? {}]
          : [l.timestampNs.toString(), l.line],
      );
    }
    json(res, {
      status: 'success',
      data: {
        resultType: 'streams',
        ...(categorize && { encodingFlags: ['categorize-labels'] }),
        result: [...streams.values()],
        stats: {
          summary: {
            totalEntriesReturned: kept.length,
            totalLinesProcessed: logLines.length,
          },
        },
      },
    });
  }

  function tempoSearch(res: ServerResponse, params: URLSearchParams) {
    const { service, errorsOnly } = parseTraceQuery(params.get('q') ?? '');
    const start = requiredInteger(params, 'start') * 1_000_000_000n;
    const end = requiredInteger(params, 'end') * 1_000_000_000n;
    const limit = Number(params.get('limit') ?? '20');
    const hits = traces
      .filter(t => t.serviceStats[service])
      .filter(
        t =>
          !errorsOnly ||
          Object.values(t.serviceStats).some(s => s.errorCount > 0),
      )
      .filter(t => t.startNs >= start && t.startNs <= end)
      .sort((a, b) => (a.startNs > b.startNs ? -1 : 1))
      .slice(0, limit);
    json(res, {
      traces: hits.map(t => ({
        // Tempo strips leading zeros of the hex id.
        traceID: t.traceId.replace(/^0+/, ''),
        rootServiceName: t.rootService,
        rootTraceName: t.rootName,
        startTimeUnixNano: t.startNs.toString(),
        durationMs: Number((t.endNs - t.startNs) / NS_PER_MS),
        serviceStats: t.serviceStats,
      })),
      metrics: {
        inspectedTraces: traces.length,
        completedJobs: 1,
        totalJobs: 1,
      },
    });
  }

  function tempoTrace(res: ServerResponse, id: string, version: 'v1' | 'v2') {
    const trace = traces.find(
      t => t.traceId === id.toLowerCase().padStart(32, '0'),
    );
    if (!trace) {
      text(res, 404, 'trace not found');
      return;
    }
    json(
      res,
      version === 'v1'
        ? { batches: trace.batches }
        : { trace: { resourceSpans: trace.batches } },
    );
  }

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push(url.pathname);
    try {
      if (req.method !== 'GET') {
        text(res, 405, `${req.method} is not served by this contract double`);
      } else if (url.pathname === '/ready') {
        text(res, 200, 'ready');
      } else if (url.pathname === '/loki/api/v1/query_range') {
        lokiQueryRange(req, res, url.searchParams);
      } else if (url.pathname === '/api/search') {
        tempoSearch(res, url.searchParams);
      } else if (/^\/api\/v2\/traces\/[0-9a-fA-F]{1,32}$/.test(url.pathname)) {
        tempoTrace(res, url.pathname.split('/').pop()!, 'v2');
      } else if (/^\/api\/traces\/[0-9a-fA-F]{1,32}$/.test(url.pathname)) {
        tempoTrace(res, url.pathname.split('/').pop()!, 'v1');
      } else {
        text(
          res,
          404,
          `${url.pathname} is not served by this contract double of Loki and Tempo`,
        );
      }
    } catch (error) {
      if (error instanceof BadQuery) {
        text(res, 400, `parse error: ${error.message}`);
      } else {
        text(res, 500, String(error));
      }
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    lokiUrl: baseUrl,
    tempoUrl: baseUrl,
    lokiTenant,
    logLines,
    traces,
    requests,
    stop: () =>
      new Promise<void>(resolve => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
