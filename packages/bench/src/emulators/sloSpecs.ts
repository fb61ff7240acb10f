/*
 * Building `SloSpec`s from short PromQL selectors, for the peers' rule forms: their golden tests
 * and the rules benchmark's synthetic SLOs. Test-support code (not part of the package API).
 */
import {
  LabelMatcher,
  SloSpec,
  VectorSelector,
} from '@lookout/plugin-observability-common';

const SELECTOR = /^([a-zA-Z_:][a-zA-Z0-9_:]*)?(?:\{(.*)\})?$/s;
const MATCHER =
  /\s*([a-zA-Z_][a-zA-Z0-9_]*)\s*(=~|!~|!=|=)\s*("(?:[^"\\]|\\.)*")\s*(,|$)/gy;

/**
 * A bare selector such as `http_requests_total{job="a", code=~"5.."}`, double-quoted values
 * only. Throws on anything else, naming the text.
 */
export function selector(text: string): VectorSelector {
  const match = SELECTOR.exec(text.trim());
  if (!match || (!match[1] && match[2] === undefined)) {
    throw new SyntaxError(`not a bare selector: ${JSON.stringify(text)}`);
  }
  const matchers: LabelMatcher[] = [];
  const body = match[2] ?? '';
  MATCHER.lastIndex = 0;
  while (MATCHER.lastIndex < body.length) {
    const start = MATCHER.lastIndex;
    const m = MATCHER.exec(body);
    if (!m) {
      throw new SyntaxError(
        `bad label matcher at ${JSON.stringify(
          body.slice(start),
        )} in ${JSON.stringify(text)}`,
      );
    }
    matchers.push({
      name: m[1],
      op: m[2] as LabelMatcher['op'],
      value: JSON.parse(m[3]) as string,
    });
  }
  return { metric: match[1] ?? '', matchers };
}

/** What differs between SLOs; everything else takes the defaults of `lookout.dev/slos`. */
export interface SloOverrides {
  name: string;
  objective: number;
  window?: string;
  /** `errors` / `good` / `total` as selector text, for a ratio SLI. */
  errors?: string;
  good?: string;
  total?: string;
  /** A latency SLI instead of a ratio. */
  latency?: {
    histogram: string;
    histogramType?: 'classic' | 'native';
    thresholdSeconds: number;
    selector?: string;
  };
  page?: boolean;
  ticket?: boolean;
  labels?: Record<string, string>;
  description?: string;
}

/** The `SloSpec` of `overrides` (window 30d, page and ticket alerts on by default). */
export function sloSpec(overrides: SloOverrides): SloSpec {
  let indicator: SloSpec['indicator'];
  if (overrides.latency) {
    indicator = {
      type: 'latency',
      histogram: overrides.latency.histogram,
      histogramType: overrides.latency.histogramType ?? 'classic',
      thresholdSeconds: overrides.latency.thresholdSeconds,
      matchers: overrides.latency.selector
        ? selector(overrides.latency.selector).matchers
        : [],
    };
  } else {
    if (!overrides.total) {
      throw new TypeError(`SLO ${overrides.name}: a ratio needs total`);
    }
    indicator = {
      type: 'ratio',
      total: selector(overrides.total),
      ...(overrides.errors ? { errors: selector(overrides.errors) } : {}),
      ...(overrides.good ? { good: selector(overrides.good) } : {}),
    };
  }
  return {
    name: overrides.name,
    description: overrides.description,
    objective: overrides.objective,
    window: overrides.window ?? '30d',
    indicator,
    alerting: {
      page: overrides.page ?? true,
      ticket: overrides.ticket ?? true,
      minEvents: 0,
    },
    labels: overrides.labels ?? {},
    source: 'slos',
  };
}
