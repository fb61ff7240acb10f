/*
 * Exact decimal arithmetic (BigInt) for the numbers written into rules: objectives, budgets, burn
 * factors and thresholds. 99.95 % gives the budget `0.0005`, never `0.0004999999999999449`, and
 * 14.4 × 0.0005 gives `0.0072`.
 */

/** A decimal number: `units / 10^scale`, exactly. @internal */
export interface Decimal {
  readonly units: bigint;
  readonly scale: number;
}

const DECIMAL_TEXT = /^(-?)(\d+)?(?:\.(\d*))?(?:e([+-]?\d+))?$/i;

function normalise(units: bigint, scale: number): Decimal {
  let u = units;
  let s = scale;
  while (s > 0 && u % 10n === 0n) {
    u /= 10n;
    s -= 1;
  }
  while (s < 0) {
    u *= 10n;
    s += 1;
  }
  return { units: u, scale: s };
}

/**
 * The decimal a number is written as: `99.95` → 99.95, `1e-7` → 0.0000001. A number is taken
 * at its shortest round-trip spelling (`String(n)`), which is what a human wrote.
 * @internal
 */
export function decimal(value: number | string): Decimal {
  if (typeof value === 'number' && !Number.isFinite(value)) {
    throw new RangeError(`not a finite number: ${value}`);
  }
  const text = String(value).trim();
  const match = DECIMAL_TEXT.exec(text);
  if (!match || (match[2] === undefined && !match[3])) {
    throw new RangeError(`not a decimal number: ${JSON.stringify(text)}`);
  }
  const [, sign, integer = '', fraction = '', exponent = '0'] = match;
  const digits = BigInt(`${integer}${fraction}` || '0');
  return normalise(
    sign === '-' ? -digits : digits,
    fraction.length - Number(exponent),
  );
}

function align(a: Decimal, b: Decimal): [bigint, bigint, number] {
  const scale = Math.max(a.scale, b.scale);
  return [
    a.units * 10n ** BigInt(scale - a.scale),
    b.units * 10n ** BigInt(scale - b.scale),
    scale,
  ];
}

/** `a + b`. @internal */
export function add(a: Decimal, b: Decimal): Decimal {
  const [x, y, scale] = align(a, b);
  return normalise(x + y, scale);
}

/** `a − b`. @internal */
export function subtract(a: Decimal, b: Decimal): Decimal {
  const [x, y, scale] = align(a, b);
  return normalise(x - y, scale);
}

/** `a × b`. @internal */
export function multiply(a: Decimal, b: Decimal): Decimal {
  return normalise(a.units * b.units, a.scale + b.scale);
}

/** `a / 10^digits` (exact: shifts the decimal point). @internal */
export function shiftLeft(a: Decimal, digits: number): Decimal {
  return normalise(a.units, a.scale + digits);
}

/** −1, 0 or 1 as `a` is below, equal to or above `b`. @internal */
export function compare(a: Decimal, b: Decimal): -1 | 0 | 1 {
  const [x, y] = align(a, b);
  if (x === y) {
    return 0;
  }
  return x < y ? -1 : 1;
}

/** Plain decimal text without exponent or trailing zeros: `0.001`, `14.4`, `1`. @internal */
export function formatDecimal(a: Decimal): string {
  const negative = a.units < 0n;
  const digits = (negative ? -a.units : a.units).toString();
  if (a.scale === 0) {
    return `${negative ? '-' : ''}${digits}`;
  }
  const padded = digits.padStart(a.scale + 1, '0');
  const integer = padded.slice(0, padded.length - a.scale);
  const fraction = padded.slice(padded.length - a.scale);
  return `${negative ? '-' : ''}${integer}.${fraction}`;
}

/** The decimal as a JavaScript number (the double nearest to it). @internal */
export function toNumber(a: Decimal): number {
  return Number(formatDecimal(a));
}

/** Number of digits after the decimal point (0 for integers). @internal */
export function decimalPlaces(a: Decimal): number {
  return a.scale;
}

/** The integer `10^n` as a decimal. @internal */
export function powerOfTen(n: number): Decimal {
  return n >= 0 ? normalise(10n ** BigInt(n), 0) : { units: 1n, scale: -n };
}
