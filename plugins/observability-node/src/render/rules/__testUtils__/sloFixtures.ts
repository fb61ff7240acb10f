/*
 * Test support: SLO definitions built directly as the parser's output, so the rule renderer's
 * tests do not depend on the parser.
 */
import { SloSpec } from '@lookout/plugin-observability-common';
import { goodEventsRatio } from '@lookout/plugin-observability-common/testUtils';
import { availabilitySlo } from '../../../__fixtures__/renderInputs';

/** A ratio SLO over prom-client counters (`errors` form) with the given changes. */
export function ratioSlo(changes: Partial<SloSpec> = {}): SloSpec {
  return {
    ...availabilitySlo,
    alerting: { page: true, ticket: true, minEvents: 0 },
    labels: {},
    ...changes,
  };
}

/** A ratio SLO in the `good` form. */
export function goodRatioSlo(changes: Partial<SloSpec> = {}): SloSpec {
  return ratioSlo({
    name: 'success',
    indicator: goodEventsRatio(
      'payments_total',
      [{ name: 'service', op: '=', value: 'payments' }],
      { name: 'outcome', op: '=', value: 'ok' },
    ),
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
