/*
 * Display formats shared by every view: percentages of fractions, burn rates, durations and
 * timestamps. Pure and locale-fixed so that what the tests see is what users see.
 */

const PERCENT_LARGE = new Intl.NumberFormat('en-US', {
  maximumFractionDigits: 3,
});
const PERCENT_SMALL = new Intl.NumberFormat('en-US', {
  maximumSignificantDigits: 2,
});
const DECIMAL = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/**
 * A fraction as a percentage: `0.999` → `99.9%`, `0.625` → `62.5%`, `0.00042` → `0.042%`.
 * `null`/`undefined` (no data) → `–`.
 */
export function formatPercent(fraction: number | null | undefined): string {
  if (fraction === null || fraction === undefined || Number.isNaN(fraction)) {
    return '–';
  }
  const percent = fraction * 100;
  const format =
    Math.abs(percent) >= 1 || percent === 0 ? PERCENT_LARGE : PERCENT_SMALL;
  return `${format.format(percent)}%`;
}

/** A burn rate (multiple of the budget rate): `14.4` → `14.4×`; no data → `–`. */
export function formatBurnRate(rate: number | null | undefined): string {
  if (rate === null || rate === undefined || Number.isNaN(rate)) {
    return '–';
  }
  return `${DECIMAL.format(rate)}×`;
}

/** A duration in milliseconds: `0.25` → `250 µs`, `450` → `450 ms`, `1234` → `1.23 s`, `90000` → `1.5 min`. */
export function formatDurationMs(ms: number): string {
  if (ms < 1) {
    return `${DECIMAL.format(ms * 1000)} µs`;
  }
  if (ms < 1000) {
    return `${DECIMAL.format(ms)} ms`;
  }
  if (ms < 60_000) {
    return `${DECIMAL.format(ms / 1000)} s`;
  }
  if (ms < 3_600_000) {
    return `${DECIMAL.format(ms / 60_000)} min`;
  }
  return `${DECIMAL.format(ms / 3_600_000)} h`;
}

/** A duration in nanoseconds, formatted like {@link formatDurationMs}. */
export function formatDurationNs(ns: number): string {
  return formatDurationMs(ns / 1e6);
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

/** Epoch ms as local `YYYY-MM-DD HH:mm:ss.SSS`. */
export function formatTimestamp(ms: number): string {
  const d = new Date(ms);
  return (
    `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ` +
    `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(
      d.getMilliseconds(),
      3,
    )}`
  );
}

/** Epoch ms as local `YYYY-MM-DD HH:mm`, for tables and chart axes. */
export function formatDateTime(ms: number): string {
  return formatTimestamp(ms).slice(0, 16);
}
