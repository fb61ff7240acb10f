/*
 * Documented response shapes of the observability backend (DESIGN §6), for the msw handlers of
 * the component and client tests.
 */
import { Entity } from '@backstage/catalog-model';
import {
  LogEntry,
  PagingRoute,
  SloStatus,
  TraceSpan,
} from '@lookout/plugin-observability-common';
import { componentEntity } from '@lookout/plugin-observability-common/testUtils';
import { ObservabilityResponse } from '../api/ObservabilityApi';

export const BACKEND = 'http://backstage.test';
export const API = `${BACKEND}/api/observability`;
export const ENTITY_PATH = `${API}/entities/by-name/component/default/checkout`;

export const NOW = Date.UTC(2025, 0, 15, 12, 0, 0);
export const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';

export const annotatedEntity: Entity = componentEntity(
  {
    'lookout.dev/metrics-port': 'http-metrics',
    'lookout.dev/slo-availability': '99.9',
    'lookout.dev/slos': '- name: latency\n  objective: 99\n',
  },
  { owner: 'group:default/team-a' },
);

export const plainEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'legacy', namespace: 'default' },
  spec: {
    type: 'service',
    owner: 'group:default/team-a',
    lifecycle: 'production',
  },
};

export const configResponse: ObservabilityResponse<'getConfig'> = {
  entityRef: 'component:default/checkout',
  spec: {
    entityRef: 'component:default/checkout',
    metrics: {
      port: 'http-metrics',
      path: '/metrics',
      interval: '30s',
      targets: [],
    },
    slos: [
      {
        name: 'availability',
        objective: 99.9,
        window: '30d',
        indicator: {
          type: 'ratio',
          errors: {
            metric: 'http_server_request_duration_seconds_count',
            matchers: [
              { name: 'http_response_status_code', op: '=~', value: '5..' },
            ],
          },
          total: {
            metric: 'http_server_request_duration_seconds_count',
            matchers: [],
          },
        },
        alerting: { page: true, ticket: true, minEvents: 0 },
        labels: {},
        source: 'preset',
      },
    ],
    logs: { selector: '{service_name="checkout"}' },
    traces: { serviceName: 'checkout' },
    dashboard: true,
    kubernetes: {},
  },
  problems: [
    {
      severity: 'error',
      annotation: 'lookout.dev/slos',
      path: '[0].objective',
      message:
        'objective must be below 100 (got 100): a 100% objective leaves no error budget',
    },
    {
      severity: 'warning',
      annotation: 'lookout.dev/metrics-intervall',
      path: '',
      message:
        'unknown Lookout annotation; did you mean lookout.dev/metrics-interval?',
    },
  ],
};

function pagingRoute(
  severity: PagingRoute['severity'],
  receiver: string,
  description: string,
  pages: boolean,
  isDefault = false,
): PagingRoute {
  return { severity, receiver, description, pages, isDefault };
}

/** Routing of checkout's SLO alerts to its team: pages to PagerDuty, tickets to Slack. */
export const teamPaging: PagingRoute[] = [
  pagingRoute('page', 'team-shop-pager', 'PagerDuty (team-shop)', true),
  pagingRoute('ticket', 'team-shop-tickets', '#shop-alerts', false),
];

/** Routing when no route matches the entity: both severities reach the default receiver. */
export const unroutedPaging: PagingRoute[] = (['page', 'ticket'] as const).map(
  severity =>
    pagingRoute(
      severity,
      'unrouted',
      'the default receiver (unrouted)',
      false,
      true,
    ),
);

function series(from: number, values: number[]): Array<[number, number]> {
  return values.map((v, i) => [from + i * 3_600_000, v]);
}

export const availabilityStatus: SloStatus = {
  name: 'availability',
  objective: 0.999,
  window: '30d',
  errorRatio: 0.000375,
  errorBudgetRemaining: 0.625,
  burnRates: {
    '5m': 20,
    '1h': 15.2,
    '6h': 2.1,
    '30m': 3,
    '1d': 0.8,
    '2h': 1.1,
    '3d': 0.4,
  },
  alerts: [
    {
      name: 'SLOErrorBudgetBurn',
      severity: 'page',
      state: 'firing',
      activeAt: NOW - 600_000,
      labels: { long_window: '1h', slo: 'availability' },
    },
  ],
  series: {
    errorBudgetRemaining: series(NOW - 3 * 3_600_000, [0.7, 0.68, 0.64, 0.625]),
    errorRatio: series(NOW - 3 * 3_600_000, [0.0003, 0.0004, 0.0004, 0.000375]),
  },
  links: {
    dashboard: 'https://grafana.example.com/d/lookout-checkout',
    runbook: 'https://runbooks.example.com/checkout',
  },
};

export const noDataStatus: SloStatus = {
  name: 'latency',
  objective: 0.99,
  window: '30d',
  errorRatio: null,
  errorBudgetRemaining: null,
  burnRates: {},
  alerts: [],
  series: { errorBudgetRemaining: [], errorRatio: [] },
};

export const slosResponse: ObservabilityResponse<'getSlos'> = {
  entityRef: 'component:default/checkout',
  items: [availabilityStatus, noDataStatus],
};

export const provisioningResponse: ObservabilityResponse<'getProvisioning'> = {
  entityRef: 'component:default/checkout',
  renderedHash: 'abc123',
  sinks: [
    {
      sink: 'kubernetes',
      state: 'ok',
      lastSuccessAt: NOW - 60_000,
      objects: ['a', 'b'],
    },
    {
      sink: 'grafana',
      state: 'error',
      error: 'Grafana answered 412: version conflict',
    },
  ],
};

export function logEntry(
  i: number,
  overrides: Partial<LogEntry> = {},
): LogEntry {
  return {
    timestamp: NOW - i * 1000,
    line: `GET /cart/${i} 200 12ms`,
    labels: {
      service_name: 'checkout',
      level: i % 10 === 0 ? 'error' : 'info',
    },
    ...overrides,
  };
}

export const logsResponse: ObservabilityResponse<'getLogs'> = {
  entityRef: 'component:default/checkout',
  items: [
    logEntry(0, {
      line: `payment failed trace_id=${TRACE_ID} status=502`,
      traceId: TRACE_ID,
      level: 'error',
    }),
    logEntry(1, { line: 'cart loaded', level: 'info' }),
  ],
  stats: {},
};

export const tracesResponse: ObservabilityResponse<'getTraces'> = {
  entityRef: 'component:default/checkout',
  items: [
    {
      traceId: TRACE_ID,
      rootService: 'checkout',
      rootName: 'POST /checkout',
      start: NOW - 120_000,
      durationMs: 1234,
      spanCount: 3,
      errorCount: 1,
    },
  ],
};

function span(
  spanId: string,
  parentSpanId: string | undefined,
  name: string,
  startOffsetMs: number,
  durationMs: number,
  extra: Partial<TraceSpan> = {},
): TraceSpan {
  return {
    spanId,
    parentSpanId,
    service: 'checkout',
    name,
    kind: 'server',
    start: NOW - 120_000 + startOffsetMs,
    durationNs: durationMs * 1e6,
    status: 'unset',
    attributes: {},
    ...extra,
  };
}

export const traceResponse: ObservabilityResponse<'getTrace'> = {
  traceId: TRACE_ID,
  spans: [
    span('00f067aa0ba902b7', undefined, 'POST /checkout', 0, 1234, {
      attributes: { 'http.method': 'POST', 'http.status_code': 502 },
    }),
    span('00f067aa0ba902b8', '00f067aa0ba902b7', 'SELECT cart', 10, 40, {
      service: 'postgres',
      kind: 'client',
    }),
    span('00f067aa0ba902b9', '00f067aa0ba902b7', 'charge card', 60, 1100, {
      service: 'payments',
      kind: 'client',
      status: 'error',
      statusMessage: 'upstream 502',
      events: [
        {
          time: NOW - 120_000 + 1150,
          name: 'exception',
          attributes: { 'exception.type': 'Timeout' },
        },
      ],
    }),
  ],
};

export const sloSummaries: ObservabilityResponse<'listSlos'> = {
  items: [
    {
      entityRef: 'component:default/checkout',
      owner: 'group:default/team-a',
      name: 'availability',
      objective: 0.999,
      window: '30d',
      errorRatio: 0.000375,
      errorBudgetRemaining: 0.625,
      state: 'ok',
    },
    {
      entityRef: 'component:default/search',
      owner: 'group:default/team-b',
      name: 'latency',
      objective: 0.99,
      window: '28d',
      errorRatio: 0.02,
      errorBudgetRemaining: -1,
      state: 'breached',
    },
  ],
  totalItems: 2,
  offset: 0,
  limit: 25,
};

/** A Backstage error body for an upstream failure, as the backend's error handler sends it. */
export function upstreamErrorBody(
  upstream: string,
  message: string,
  statusCode = 502,
) {
  return {
    error: { name: 'UpstreamUnavailableError', message, upstream },
    request: { method: 'GET', url: '/api/observability/...' },
    response: { statusCode },
  };
}

const metricGrid = { start: NOW - 2 * 3_600_000, end: NOW, step: 3_600_000 };
const gridPoints = (
  values: Array<number | null>,
): Array<[number, number | null]> =>
  values.map((v, i) => [metricGrid.start + i * metricGrid.step, v]);

export const metricsResponse: ObservabilityResponse<'getMetrics'> = {
  entityRef: 'component:default/checkout',
  range: metricGrid,
  goldenSignals: {
    sources: ['opentelemetry'],
    panels: [
      {
        title: 'Request rate',
        description:
          'Requests per second, from the OpenTelemetry HTTP server metrics (http_server_request_duration_seconds_count).',
        unit: 'reqps',
        kind: 'line',
        query:
          'sum(rate(http_server_request_duration_seconds_count{backstage_entity="component:default/checkout"}[15m]))',
        source: 'golden-signals',
        series: [
          { name: 'requests/s', labels: {}, points: gridPoints([12, 15, 14]) },
        ],
        omittedSeries: 0,
      },
      {
        title: 'Error ratio',
        description:
          'Share of requests whose http_response_status_code matches 5...',
        unit: 'percentunit',
        kind: 'line',
        query: '…',
        source: 'golden-signals',
        series: [
          {
            name: 'error ratio',
            labels: {},
            points: gridPoints([0.001, 0.002, 0.0125]),
          },
        ],
        omittedSeries: 0,
      },
      {
        title: 'Latency',
        description:
          'p50, p95 and p99, from the OpenTelemetry HTTP server metrics.',
        unit: 's',
        kind: 'line',
        query: '…',
        source: 'golden-signals',
        series: ['p50', 'p95', 'p99'].map((name, i) => ({
          name,
          labels: { quantile: name },
          points: gridPoints([0.05 * (i + 1), 0.06 * (i + 1), 0.07 * (i + 1)]),
        })),
        omittedSeries: 0,
      },
    ],
  },
  panels: [
    {
      title: 'Revenue per minute',
      description: 'From lookout.dev/panels.',
      unit: 'currencyEUR',
      kind: 'area',
      query:
        'sum by (country) (rate(shop_revenue_euros_total{backstage_entity="component:default/checkout"}[5m])) * 60',
      source: 'lookout.dev/panels',
      series: [
        {
          name: 'DE',
          labels: { country: 'DE' },
          points: gridPoints([40, 42, 41]),
        },
        {
          name: 'FR',
          labels: { country: 'FR' },
          points: gridPoints([20, 21, null]),
        },
      ],
      omittedSeries: 23,
    },
    {
      title: 'Queue depth',
      description: 'From lookout.dev/panels.',
      unit: 'short',
      kind: 'line',
      query: 'queue_depth{backstage_entity="component:default/checkout"}',
      source: 'lookout.dev/panels',
      series: [],
      omittedSeries: 0,
      error:
        'prometheus: /api/v1/query_range failed with HTTP 422 execution: query timed out',
    },
  ],
  links: [
    {
      title: 'Generated Grafana dashboard',
      url: 'https://grafana.example.com/d/component_default_checkout',
      kind: 'generated-dashboard',
    },
    {
      title: 'Profiles of checkout',
      url: 'https://pyroscope.example.com/?query=x',
      kind: 'profiles',
    },
  ],
};
