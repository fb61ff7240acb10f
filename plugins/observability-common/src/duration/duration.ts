/*
 * Prometheus durations (`30s`, `1h30m`, `4w`): parsing and bounds checks.
 */

const UNIT_MS: Record<string, number> = {
  y: 365 * 24 * 3600 * 1000,
  w: 7 * 24 * 3600 * 1000,
  d: 24 * 3600 * 1000,
  h: 3600 * 1000,
  m: 60 * 1000,
  s: 1000,
  ms: 1,
};

// Units in Prometheus order, each at most once: model.ParseDuration.
const DURATION_PATTERN =
  /^(?:(\d+)y)?(?:(\d+)w)?(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?(?:(\d+)ms)?$/;
const UNITS_IN_ORDER = ['y', 'w', 'd', 'h', 'm', 's', 'ms'];

/**
 * Milliseconds of a Prometheus duration (`30s`, `1h30m`, `4w`, `0`), or `undefined` when `text`
 * is not one.
 * @public
 */
export function parsePrometheusDuration(text: string): number | undefined {
  if (text === '0') {
    return 0;
  }
  if (text === '') {
    return undefined;
  }
  const match = DURATION_PATTERN.exec(text);
  if (!match) {
    return undefined;
  }
  let total = 0;
  UNITS_IN_ORDER.forEach((unit, index) => {
    const amount = match[index + 1];
    if (amount !== undefined) {
      total += Number(amount) * UNIT_MS[unit];
    }
  });
  return Number.isSafeInteger(total) ? total : undefined;
}

/** `90000` → `1m30s`: the shortest Prometheus duration of a number of milliseconds. @public */
export function formatPrometheusDuration(milliseconds: number): string {
  if (milliseconds === 0) {
    return '0s';
  }
  let rest = milliseconds;
  let text = '';
  for (const unit of UNITS_IN_ORDER) {
    const amount = Math.floor(rest / UNIT_MS[unit]);
    if (amount > 0) {
      text += `${amount}${unit}`;
      rest -= amount * UNIT_MS[unit];
    }
  }
  return text;
}
