/*
 * Values of the Metrics tab's charts in their panel's unit (Grafana unit ids, the same the
 * generated dashboard uses), compact enough for an axis: `1.2k ops/s`, `250 ms`, `12.5%`.
 */
import { PanelUnit } from '@lookout/plugin-observability-common';
import { formatDurationMs, formatPercent } from './format';

const COMPACT = new Intl.NumberFormat('en-US', {
  notation: 'compact',
  maximumFractionDigits: 2,
});
const BYTES = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];
const CURRENCY: Partial<Record<PanelUnit, string>> = {
  currencyUSD: 'USD',
  currencyEUR: 'EUR',
  currencyGBP: 'GBP',
};

function bytes(value: number): string {
  let scaled = Math.abs(value);
  let index = 0;
  while (scaled >= 1024 && index < BYTES.length - 1) {
    scaled /= 1024;
    index += 1;
  }
  const sign = value < 0 ? '-' : '';
  return `${sign}${new Intl.NumberFormat('en-US', {
    maximumFractionDigits: 2,
  }).format(scaled)} ${BYTES[index]}`;
}

/** `value` in `unit`; `null` (no sample) → `–`. */
export function formatMetricValue(
  value: number | null | undefined,
  unit: PanelUnit,
): string {
  if (value === null || value === undefined || Number.isNaN(value)) {
    return '–';
  }
  switch (unit) {
    case 'percentunit':
      return formatPercent(value);
    case 'percent':
      return formatPercent(value / 100);
    case 's':
      return formatDurationMs(value * 1000);
    case 'ms':
      return formatDurationMs(value);
    case 'bytes':
      return bytes(value);
    case 'reqps':
      return `${COMPACT.format(value)} req/s`;
    case 'ops':
      return `${COMPACT.format(value)} ops/s`;
    case 'currencyUSD':
    case 'currencyEUR':
    case 'currencyGBP':
      return new Intl.NumberFormat('en-US', {
        style: 'currency',
        currency: CURRENCY[unit],
        notation: 'compact',
        maximumFractionDigits: 2,
      }).format(value);
    case 'none':
    case 'short':
    default:
      return COMPACT.format(value);
  }
}
