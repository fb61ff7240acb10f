/*
 * Numbers and durations printed the way Go prints them, so that the peers' rule forms in this
 * folder (Sloth and Pyrra are written in Go) reproduce their output to the character:
 * `fmt.Sprint(float64)`, `strconv.FormatFloat(f, 'f', -1, 64)`, `time.Duration.String()` and
 * Prometheus' `model.Duration.String()`. Test-support code of the rules benchmark.
 */

const MS_PER = {
  y: 365 * 24 * 3600 * 1000,
  w: 7 * 24 * 3600 * 1000,
  d: 24 * 3600 * 1000,
  h: 3600 * 1000,
  m: 60 * 1000,
  s: 1000,
  ms: 1,
} as const;

/** Milliseconds of a Prometheus duration such as `30d`, `4w` or `1h30m`. */
export function durationMs(duration: string): number {
  const part = /(\d+)(ms|y|w|d|h|m|s)/gy;
  let total = 0;
  let consumed = 0;
  for (let match = part.exec(duration); match; match = part.exec(duration)) {
    total += Number(match[1]) * MS_PER[match[2] as keyof typeof MS_PER];
    consumed = part.lastIndex;
  }
  if (duration === '' || consumed !== duration.length) {
    throw new TypeError(
      `not a Prometheus duration: ${JSON.stringify(duration)}`,
    );
  }
  return total;
}

/** The shortest decimal digits that round-trip `value`, and the exponent of the first one. */
function shortestDigits(value: number): { digits: string; exponent: number } {
  const [mantissa, exponent] = Math.abs(value).toExponential().split('e');
  return { digits: mantissa.replace('.', ''), exponent: Number(exponent) };
}

function plainDecimal(digits: string, exponent: number): string {
  if (exponent < 0) {
    return `0.${'0'.repeat(-exponent - 1)}${digits}`;
  }
  if (digits.length <= exponent + 1) {
    return digits + '0'.repeat(exponent + 1 - digits.length);
  }
  return `${digits.slice(0, exponent + 1)}.${digits.slice(exponent + 1)}`;
}

function special(value: number): string | undefined {
  if (Number.isNaN(value)) {
    return 'NaN';
  }
  if (!Number.isFinite(value)) {
    return value > 0 ? '+Inf' : '-Inf';
  }
  return undefined;
}

/**
 * `fmt.Sprint(value)` for a float64 (`%v`, i.e. `strconv.FormatFloat(value, 'g', -1, 64)`):
 * the shortest round-trip digits, in exponent form below 1e-4 and from 1e6 up
 * (`0.0009999999999999432`, `5.6000000000000005`, `1e-05`).
 */
export function formatGoFloat(value: number): string {
  const text = special(value);
  if (text !== undefined) {
    return text;
  }
  if (value === 0) {
    return Object.is(value, -0) ? '-0' : '0';
  }
  const sign = value < 0 ? '-' : '';
  const { digits, exponent } = shortestDigits(value);
  if (exponent < -4 || exponent >= 6) {
    const mantissa =
      digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    const exponentSign = exponent < 0 ? '-' : '+';
    const exponentDigits = String(Math.abs(exponent)).padStart(2, '0');
    return `${sign}${mantissa}e${exponentSign}${exponentDigits}`;
  }
  return sign + plainDecimal(digits, exponent);
}

/** `strconv.FormatFloat(value, 'f', -1, 64)`: the shortest round-trip digits, never an exponent. */
export function formatGoFloatF(value: number): string {
  const text = special(value);
  if (text !== undefined) {
    return text;
  }
  if (value === 0) {
    return '0';
  }
  const sign = value < 0 ? '-' : '';
  const { digits, exponent } = shortestDigits(value);
  return sign + plainDecimal(digits, exponent);
}

/**
 * `time.Duration(ms * 1e6).String()` for whole milliseconds: `2m0s`, `1h4m0s`, `72h0m0s`
 * (hours are never folded into days).
 */
export function formatGoDuration(ms: number): string {
  if (ms === 0) {
    return '0s';
  }
  const sign = ms < 0 ? '-' : '';
  let rest = Math.abs(ms);
  if (rest < 1000) {
    return `${sign}${rest}ms`;
  }
  const hours = Math.floor(rest / MS_PER.h);
  rest -= hours * MS_PER.h;
  const minutes = Math.floor(rest / MS_PER.m);
  rest -= minutes * MS_PER.m;
  const seconds = formatGoFloatF(rest / 1000);
  if (hours > 0) {
    return `${sign}${hours}h${minutes}m${seconds}s`;
  }
  if (minutes > 0) {
    return `${sign}${minutes}m${seconds}s`;
  }
  return `${sign}${seconds}s`;
}

/**
 * Prometheus' `model.Duration.String()`: `4w` for 28 days, `30d`, `1h4m`, `2d3h25m42s`.
 * Years and weeks are only used when they divide the duration exactly.
 */
export function formatModelDuration(ms: number): string {
  if (ms === 0) {
    return '0s';
  }
  let rest = ms;
  let text = '';
  const unit = (name: keyof typeof MS_PER, exact: boolean) => {
    const size = MS_PER[name];
    if (exact && rest % size !== 0) {
      return;
    }
    const count = Math.floor(rest / size);
    if (count > 0) {
      text += `${count}${name}`;
      rest -= count * size;
    }
  };
  unit('y', true);
  unit('w', true);
  unit('d', false);
  unit('h', false);
  unit('m', false);
  unit('s', false);
  unit('ms', false);
  return text;
}

/** Go's `time.Duration.Round(m)` on milliseconds: halfway values round away from zero. */
export function roundGoDuration(ms: number, multipleMs: number): number {
  const remainder = ms % multipleMs;
  if (remainder + remainder < multipleMs) {
    return ms - remainder;
  }
  return ms - remainder + multipleMs;
}

/**
 * Go's `strconv.Quote` for the strings rule generators put in label matchers; equal to JSON
 * quoting for printable text, which is all the generators see.
 */
export function goQuote(text: string): string {
  return JSON.stringify(text);
}

/**
 * Go's `url.QueryEscape`: everything but `A–Z a–z 0–9 - _ . ~` percent-encoded, spaces as `+`.
 */
export function goQueryEscape(text: string): string {
  return encodeURIComponent(text)
    .replace(/[!'()*]/g, c => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, '+');
}
