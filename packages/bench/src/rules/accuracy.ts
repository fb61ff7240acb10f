/*
 * How close each rule set's period error ratio is to the truth: the exact ratio of failed to
 * all requests over the same 30 days, computed from the generated counts, per traffic shape.
 *
 * Part of the rules benchmark (`yarn bench:rules`, see docs/benchmarks.md).
 */
import { SyntheticService } from './services';
import { TRAFFIC_SHAPES, TrafficShape, exactErrorRatio } from './traffic';

/** What a rule set reported for one SLO, read at one instant. */
export interface Reported {
  service: string;
  /** Undefined when the series is missing. */
  value?: number;
  /** Unix seconds of the samples the value comes from. */
  timestamp?: number;
}

/** One SLO's reported and exact period error ratios. */
export interface Comparison {
  service: string;
  shape: TrafficShape;
  reported?: number;
  exact?: number;
  /** |reported − exact| / exact; undefined when either is missing or NaN. */
  relativeError?: number;
  outcome: 'ok' | 'off' | 'nan' | 'missing';
}

/** Per traffic shape: how many SLOs, and how their reported ratios fared. */
export interface ShapeAccuracy {
  slos: number;
  /** Within the tolerance of the exact ratio. */
  within: number;
  nan: number;
  missing: number;
  /** Median and largest relative error of the SLOs with a number. */
  medianRelativeError?: number;
  maxRelativeError?: number;
}

/** Relative tolerance of the targets: 0.5 %. */
export const TOLERANCE = 0.005;

/** Compares what was reported with the exact ratio over the window ending at its timestamp. */
export function compare(
  services: SyntheticService[],
  reported: Reported[],
  windowSeconds: number,
): Comparison[] {
  const byService = new Map(reported.map(r => [r.service, r]));
  return services.map(service => {
    const r = byService.get(service.name);
    const shape = service.traffic.shape;
    if (!r || r.value === undefined || r.timestamp === undefined) {
      return { service: service.name, shape, outcome: 'missing' };
    }
    const exact = exactErrorRatio(
      service.traffic,
      Math.floor((r.timestamp - windowSeconds) / 60),
      Math.floor(r.timestamp / 60),
    );
    if (Number.isNaN(r.value)) {
      return {
        service: service.name,
        shape,
        reported: r.value,
        exact,
        outcome: 'nan',
      };
    }
    if (exact === undefined || exact === 0) {
      const ok = r.value === (exact ?? 0);
      return {
        service: service.name,
        shape,
        reported: r.value,
        exact,
        outcome: ok ? 'ok' : 'off',
      };
    }
    const relativeError = Math.abs(r.value - exact) / exact;
    return {
      service: service.name,
      shape,
      reported: r.value,
      exact,
      relativeError,
      outcome: relativeError <= TOLERANCE ? 'ok' : 'off',
    };
  });
}

function median(values: number[]): number | undefined {
  if (values.length === 0) {
    return undefined;
  }
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? sorted[middle]
    : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** The comparisons summed up per traffic shape. */
export function byShape(
  comparisons: Comparison[],
): Record<TrafficShape, ShapeAccuracy> {
  const result = {} as Record<TrafficShape, ShapeAccuracy>;
  for (const shape of TRAFFIC_SHAPES) {
    const of = comparisons.filter(c => c.shape === shape);
    const errors = of.flatMap(c =>
      c.relativeError === undefined ? [] : [c.relativeError],
    );
    result[shape] = {
      slos: of.length,
      within: of.filter(c => c.outcome === 'ok').length,
      nan: of.filter(c => c.outcome === 'nan').length,
      missing: of.filter(c => c.outcome === 'missing').length,
      medianRelativeError: median(errors),
      maxRelativeError: errors.length > 0 ? Math.max(...errors) : undefined,
    };
  }
  return result;
}
