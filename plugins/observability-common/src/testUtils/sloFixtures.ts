/*
 * The checkout service's SLO as every package's tests write it: its request counters, its
 * availability ratio and the full SLO, built directly as the parser's output so that tests of the
 * renderers, the backend and the frontend do not depend on the parser.
 */
import type {
  LabelMatcher,
  RatioIndicator,
  SloSpec,
  VectorSelector,
} from '@lookout/plugin-observability-common';

/**
 * `http_requests_total{job="checkout"}`: every checkout request.
 * @public
 */
export const checkoutRequests: VectorSelector = {
  metric: 'http_requests_total',
  matchers: [{ name: 'job', op: '=', value: 'checkout' }],
};

/**
 * `http_requests_total{job="checkout", code=~"5.."}`: the failed checkout requests.
 * @public
 */
export const checkoutFailedRequests: VectorSelector = {
  metric: 'http_requests_total',
  matchers: [
    ...checkoutRequests.matchers,
    { name: 'code', op: '=~', value: '5..' },
  ],
};

/**
 * The checkout availability ratio in the `errors` form.
 * @public
 */
export const checkoutRatio: RatioIndicator = {
  type: 'ratio',
  errors: checkoutFailedRequests,
  total: checkoutRequests,
};

/**
 * A ratio of one counter in the `good` form: `total` selects `matchers`, `good` adds
 * `goodMatcher` after them.
 * @public
 */
export function goodEventsRatio(
  metric: string,
  matchers: LabelMatcher[],
  goodMatcher: LabelMatcher,
): RatioIndicator {
  return {
    type: 'ratio',
    good: { metric, matchers: [...matchers, goodMatcher] },
    total: { metric, matchers },
  };
}

/**
 * The checkout availability SLO (99.9 % over 30 days, paging and ticketing, with a runbook and a
 * `tier` label), with the given changes.
 * @public
 */
export function checkoutAvailabilitySlo(
  changes: Partial<SloSpec> = {},
): SloSpec {
  return {
    name: 'availability',
    description: 'Checkout requests succeed',
    objective: 99.9,
    window: '30d',
    indicator: checkoutRatio,
    alerting: {
      page: true,
      ticket: true,
      minEvents: 0,
      runbook: 'https://runbooks.example.com/checkout',
    },
    labels: { tier: '1' },
    source: 'slos',
    ...changes,
  };
}
