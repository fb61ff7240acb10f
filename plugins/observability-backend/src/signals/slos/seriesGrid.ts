/*
 * The time grid of the SLO charts: a step that keeps a range at most 250 points long, aligned so
 * that identical requests within a few seconds hit the same upstream query (and the cache), and
 * the error-ratio window that covers one step.
 */
import {
  RECORDED_WINDOWS,
  SeriesPoint,
  durationSeconds,
} from '@lookout/plugin-observability-common';
import { TimeRange } from '../types';

/** Most points of a chart series. */
export const MAX_POINTS = 250;

const NICE_STEPS_SECONDS = [
  15, 30, 60, 120, 180, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200,
  86400,
];

/** Ends of the grid snap to multiples of this (or of the step, when shorter). */
const END_ALIGNMENT_MS = 15_000;

/** The grid of a range query. */
export interface SeriesGrid {
  /** Epoch ms of the first point. */
  start: number;
  /** Epoch ms of the last point. */
  end: number;
  step: number;
}

/** The smallest round step (ms) that keeps `rangeMs` within `maxPoints` points. */
export function chooseStep(rangeMs: number, maxPoints = MAX_POINTS): number {
  const minimum = rangeMs / (maxPoints - 1);
  for (const seconds of NICE_STEPS_SECONDS) {
    if (seconds * 1000 >= minimum) {
      return seconds * 1000;
    }
  }
  const day = 86_400_000;
  return Math.ceil(minimum / day) * day;
}

/**
 * The grid of `range`: the last point at `to` rounded down to 15 s, the first point the earliest
 * grid point not before `from`.
 */
export function seriesGrid(
  range: TimeRange,
  maxPoints = MAX_POINTS,
): SeriesGrid {
  const step = chooseStep(range.to - range.from, maxPoints);
  const alignment = Math.min(step, END_ALIGNMENT_MS);
  const end = Math.floor(range.to / alignment) * alignment;
  const intervals = Math.max(0, Math.floor((end - range.from) / step));
  return { start: end - intervals * step, end, step };
}

/** The shortest recorded error-ratio window at least one step long (the longest otherwise). */
export function errorRatioWindowFor(stepMs: number): string {
  return (
    RECORDED_WINDOWS.find(w => durationSeconds(w) * 1000 >= stepMs) ??
    RECORDED_WINDOWS[RECORDED_WINDOWS.length - 1]
  );
}

/** A finite number, or null (NaN and ±Inf cannot be written as JSON). */
export function finiteOrNull(value: number | undefined): number | null {
  return value !== undefined && Number.isFinite(value) ? value : null;
}

/** Every grid point with the series' value there, null where it has none. */
export function fillGrid(
  grid: SeriesGrid,
  points: ReadonlyArray<[number, number]>,
): SeriesPoint[] {
  const byTime = new Map(points);
  const out: SeriesPoint[] = [];
  for (let t = grid.start; t <= grid.end; t += grid.step) {
    out.push([t, finiteOrNull(byTime.get(t))]);
  }
  return out;
}
