/*
 * Time ranges of the SLOs, Logs and Traces tabs: a relative preset ("last 6 hours") or an
 * absolute window (opened from a link, e.g. the logs around one trace).
 */

/** One of the time range presets of the tabs' pickers. @public */
export type TimeRangePreset = '1h' | '6h' | '1d' | '7d' | '30d';

/** The relative ranges the picker offers. @public */
export const TIME_RANGE_PRESETS: ReadonlyArray<{
  value: TimeRangePreset;
  label: string;
  ms: number;
}> = [
  { value: '1h', label: 'Last hour', ms: 3_600_000 },
  { value: '6h', label: 'Last 6 hours', ms: 6 * 3_600_000 },
  { value: '1d', label: 'Last day', ms: 86_400_000 },
  { value: '7d', label: 'Last 7 days', ms: 7 * 86_400_000 },
  { value: '30d', label: 'Last 30 days', ms: 30 * 86_400_000 },
];

/** A relative preset or an absolute window in epoch ms. @public */
export type TimeRange =
  | { preset: TimeRangePreset }
  | { from: number; to: number };

/** The absolute window of a range, relative presets ending at `now`. */
export function resolveTimeRange(
  range: TimeRange,
  now: number,
): { from: number; to: number } {
  if ('preset' in range) {
    const preset = TIME_RANGE_PRESETS.find(p => p.value === range.preset);
    return { from: now - (preset?.ms ?? 3_600_000), to: now };
  }
  return { from: range.from, to: range.to };
}

/** Whether a string names a preset. */
export function isTimeRangePreset(value: string): value is TimeRangePreset {
  return TIME_RANGE_PRESETS.some(p => p.value === value);
}

/**
 * An absolute range from `from`/`to` URL parameters (epoch ms), or `undefined` when they are
 * missing or not a valid window.
 */
export function timeRangeFromParams(
  from: string | null,
  to: string | null,
): TimeRange | undefined {
  const fromMs = from === null ? NaN : Number(from);
  const toMs = to === null ? NaN : Number(to);
  if (!Number.isFinite(fromMs) || !Number.isFinite(toMs) || fromMs >= toMs) {
    return undefined;
  }
  return { from: fromMs, to: toMs };
}
