/*
 * Synthetic traffic of the rules benchmark: for one SLO and one minute, how many requests it
 * served and how many failed, under four shapes. Deterministic (a hash of seed, SLO and minute
 * stands in for randomness), so the generated history, the live exporter and the exact ratios
 * all see the same numbers.
 *
 * Part of the rules benchmark (`yarn bench:rules`, see docs/benchmarks.md).
 */

/** The traffic shapes the benchmark covers. */
export const TRAFFIC_SHAPES = ['steady', 'diurnal', 'bursty', 'gaps'] as const;

/** One of {@link TRAFFIC_SHAPES}. */
export type TrafficShape = (typeof TRAFFIC_SHAPES)[number];

/** Requests and failed requests in one minute. */
export interface MinuteCounts {
  total: number;
  errors: number;
}

/** The parameters of one SLO's traffic, drawn once from the seed. */
export interface TrafficProfile {
  shape: TrafficShape;
  /** Salt of the per-minute draws. */
  key: number;
  /** Requests per minute: steady level, diurnal night level or bursty baseline. */
  base: number;
  /** Share of failed requests outside bursts (diurnal: at the busiest hour). */
  errorShare: number;
  /** Diurnal: share of failed requests at the quietest hour. */
  nightErrorShare: number;
  /** Diurnal: minute of the day (UTC) with the least traffic. */
  troughMinute: number;
}

const MINUTES_PER_DAY = 1440;

/** Day-to-night traffic ratio of the diurnal shape. */
export const DIURNAL_RANGE = 100;

/** A uniform number in [0, 1) from three integers (a 32-bit integer hash). */
export function uniform(a: number, b: number, c: number): number {
  let h =
    Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^
    Math.imul(b + 0x632be5ab, 0xc2b2ae35);
  h =
    Math.imul(h ^ (h >>> 16), 0x7feb352d) ^
    Math.imul(c + 0x165667b1, 0x27d4eb2f);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  h ^= h >>> 16;
  return (h >>> 0) / 4294967296;
}

/** The traffic profile of SLO number `index` (shapes take turns). */
export function trafficProfile(index: number, seed: number): TrafficProfile {
  const shape = TRAFFIC_SHAPES[index % TRAFFIC_SHAPES.length];
  const key = Math.floor(uniform(seed, index, 1) * 2 ** 31);
  const draw = (n: number) => uniform(seed, index, 100 + n);
  switch (shape) {
    case 'steady':
      return {
        shape,
        key,
        base: 300 + 900 * draw(1),
        errorShare: 0.0005 + 0.0025 * draw(2),
        nightErrorShare: 0,
        troughMinute: 0,
      };
    case 'diurnal':
      return {
        shape,
        key,
        base: 15 + 10 * draw(1),
        errorShare: 0.0001 + 0.0002 * draw(2),
        nightErrorShare: 0.01 + 0.02 * draw(3),
        troughMinute: Math.floor(120 + 240 * draw(4)),
      };
    case 'bursty':
      return {
        shape,
        key,
        base: 40 + 40 * draw(1),
        errorShare: 0.0005 + 0.001 * draw(2),
        nightErrorShare: 0,
        troughMinute: 0,
      };
    default:
      return {
        shape,
        key,
        base: 200 + 400 * draw(1),
        errorShare: 0.001 + 0.003 * draw(2),
        nightErrorShare: 0,
        troughMinute: 0,
      };
  }
}

/** A count drawn around `mean` without bias: floor(mean + u), u uniform in [0, 1). */
function count(mean: number, u: number): number {
  return Math.floor(mean + u);
}

interface Burst {
  start: number;
  length: number;
  factor: number;
  errorShare: number;
}

/** The bursts of one day: four per day, 5–20 minutes, 20–60× traffic, 2–6 % errors. */
function burstsOfDay(profile: TrafficProfile, day: number): Burst[] {
  const bursts: Burst[] = [];
  for (let i = 0; i < 4; i++) {
    const u = (n: number) => uniform(profile.key, day, 10 * i + n);
    bursts.push({
      start: Math.floor(u(1) * (MINUTES_PER_DAY - 20)),
      length: 5 + Math.floor(u(2) * 16),
      factor: 20 + 40 * u(3),
      errorShare: 0.02 + 0.04 * u(4),
    });
  }
  return bursts;
}

/** The zero-traffic gap of one day: 30–120 minutes without a single request. */
function gapOfDay(
  profile: TrafficProfile,
  day: number,
): { start: number; length: number } {
  return {
    start: Math.floor(uniform(profile.key, day, 91) * (MINUTES_PER_DAY - 120)),
    length: 30 + Math.floor(uniform(profile.key, day, 92) * 91),
  };
}

/**
 * Requests and failures of `profile` in the minute ending at `minute` × 60 s (Unix time):
 * - steady: a constant level ± 10 %, a constant error share;
 * - diurnal: 100:1 between the busiest and the quietest hour, failures concentrated at night
 *   (1–3 % of the night's few requests, 0.01–0.03 % by day);
 * - bursty: a low baseline and four short bursts a day at 20–60× the traffic and 2–6 % errors;
 * - gaps: steady, but one 30–120 minute stretch a day without any request.
 */
export function minuteCounts(
  profile: TrafficProfile,
  minute: number,
): MinuteCounts {
  const u1 = uniform(profile.key, minute, 1);
  const u2 = uniform(profile.key, minute, 2);
  const day = Math.floor(minute / MINUTES_PER_DAY);
  const minuteOfDay = minute - day * MINUTES_PER_DAY;
  switch (profile.shape) {
    case 'steady': {
      const total = count(
        profile.base * (0.9 + 0.2 * uniform(profile.key, minute, 3)),
        u1,
      );
      return {
        total,
        errors: Math.min(total, count(total * profile.errorShare, u2)),
      };
    }
    case 'diurnal': {
      // 0 at the quietest minute of the day, 1 twelve hours later.
      const phase = (minuteOfDay - profile.troughMinute) / MINUTES_PER_DAY;
      const busy = (1 - Math.cos(2 * Math.PI * phase)) / 2;
      const total = count(profile.base * DIURNAL_RANGE ** busy, u1);
      const share =
        profile.nightErrorShare *
        (profile.errorShare / profile.nightErrorShare) ** busy;
      return { total, errors: Math.min(total, count(total * share, u2)) };
    }
    case 'bursty': {
      let factor = 1;
      let share = profile.errorShare;
      for (const burst of burstsOfDay(profile, day)) {
        if (
          minuteOfDay >= burst.start &&
          minuteOfDay < burst.start + burst.length
        ) {
          factor = burst.factor;
          share = burst.errorShare;
        }
      }
      const total = count(profile.base * factor, u1);
      return { total, errors: Math.min(total, count(total * share, u2)) };
    }
    default: {
      const gap = gapOfDay(profile, day);
      if (minuteOfDay >= gap.start && minuteOfDay < gap.start + gap.length) {
        return { total: 0, errors: 0 };
      }
      const total = count(
        profile.base * (0.9 + 0.2 * uniform(profile.key, minute, 3)),
        u1,
      );
      return {
        total,
        errors: Math.min(total, count(total * profile.errorShare, u2)),
      };
    }
  }
}

/** Exact error ratio of `profile` over the minutes `from` < m ≤ `to`; undefined without traffic. */
export function exactErrorRatio(
  profile: TrafficProfile,
  fromMinuteExclusive: number,
  toMinuteInclusive: number,
): number | undefined {
  let total = 0;
  let errors = 0;
  for (let m = fromMinuteExclusive + 1; m <= toMinuteInclusive; m++) {
    const c = minuteCounts(profile, m);
    total += c.total;
    errors += c.errors;
  }
  return total > 0 ? errors / total : undefined;
}
