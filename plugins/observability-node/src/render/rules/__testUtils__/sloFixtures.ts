/*
 * Test support: SLO definitions built directly as the parser's output, so the rule renderer's
 * tests do not depend on the parser.
 */
import { SloSpec } from '@lookout/plugin-observability-common';

/** A ratio SLO over prom-client counters (`errors` form) with the given changes. */
export function ratioSlo(changes: Partial<SloSpec> = {}): SloSpec {
  return {
    name: 'availability',
    description: 'Checkout requests succeed',
    objective: 99.9,
    window: '30d',
    indicator: {
      type: 'ratio',
      errors: {
        metric: 'http_requests_total',
        matchers: [
          { name: 'job', op: '=', value: 'checkout' },
          { name: 'code', op: '=~', value: '5..' },
        ],
      },
      total: {
        metric: 'http_requests_total',
        matchers: [{ name: 'job', op: '=', value: 'checkout' }],
      },
    },
    alerting: { page: true, ticket: true, minEvents: 0 },
    labels: {},
    source: 'slos',
    ...changes,
  };
}

/** A ratio SLO in the `good` form. */
export function goodRatioSlo(changes: Partial<SloSpec> = {}): SloSpec {
  return ratioSlo({
    name: 'success',
    indicator: {
      type: 'ratio',
      good: {
        metric: 'payments_total',
        matchers: [
          { name: 'service', op: '=', value: 'payments' },
          { name: 'outcome', op: '=', value: 'ok' },
        ],
      },
      total: {
        metric: 'payments_total',
        matchers: [{ name: 'service', op: '=', value: 'payments' }],
      },
    },
    ...changes,
  });
}

/** A latency SLO over a histogram. */
export function latencySlo(
  histogramType: 'classic' | 'native' = 'classic',
  changes: Partial<SloSpec> = {},
): SloSpec {
  return ratioSlo({
    name: 'latency',
    description: undefined,
    objective: 99,
    window: '28d',
    indicator: {
      type: 'latency',
      histogram: 'http_request_duration_seconds',
      histogramType,
      thresholdSeconds: 0.3,
      matchers: [{ name: 'job', op: '=', value: 'checkout' }],
    },
    ...changes,
  });
}
