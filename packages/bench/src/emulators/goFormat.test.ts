/*
 * Go's number and duration printing, as Sloth's and Pyrra's rules show it.
 */
import {
  durationMs,
  formatGoDuration,
  formatGoFloat,
  formatGoFloatF,
  formatModelDuration,
  goQueryEscape,
  roundGoDuration,
} from './goFormat';

describe('formatGoFloat (%v)', () => {
  it('prints the shortest round-trip digits, as Sloth writes budgets and factors', () => {
    expect(formatGoFloat((100 - 99.9) / 100)).toBe('0.0009999999999999432');
    expect(formatGoFloat(99.9 / 100)).toBe('0.9990000000000001');
    expect(formatGoFloat((5 * 672) / 100 / 6)).toBe('5.6000000000000005');
    expect(formatGoFloat(14.4)).toBe('14.4');
    expect(formatGoFloat(30)).toBe('30');
  });

  it('switches to an exponent below 1e-4 and from 1e6 up, with two exponent digits', () => {
    expect(formatGoFloat(0.0001)).toBe('0.0001');
    expect(formatGoFloat(0.00001)).toBe('1e-05');
    expect(formatGoFloat(-0.000015)).toBe('-1.5e-05');
    expect(formatGoFloat(100000)).toBe('100000');
    expect(formatGoFloat(1e6)).toBe('1e+06');
    expect(formatGoFloat(123456789)).toBe('1.23456789e+08');
  });
});

describe('formatGoFloatF', () => {
  it('never uses an exponent', () => {
    expect(formatGoFloatF(0.995)).toBe('0.995');
    expect(formatGoFloatF(0.00001)).toBe('0.00001');
    expect(formatGoFloatF(2419200)).toBe('2419200');
  });
});

describe('durations', () => {
  it('reads Prometheus durations with several units', () => {
    expect(durationMs('1h30m')).toBe(5_400_000);
    expect(durationMs('4w')).toBe(28 * 86_400_000);
    expect(() => durationMs('30 days')).toThrow(/not a Prometheus duration/);
  });

  it('prints time.Duration without folding hours into days', () => {
    expect(formatGoDuration(120_000)).toBe('2m0s');
    expect(formatGoDuration(3_600_000)).toBe('1h0m0s');
    expect(formatGoDuration(72 * 3_600_000)).toBe('72h0m0s');
    expect(formatGoDuration(30_000)).toBe('30s');
  });

  it('prints model.Duration with weeks only when exact', () => {
    expect(formatModelDuration(28 * 86_400_000)).toBe('4w');
    expect(formatModelDuration(30 * 86_400_000)).toBe('30d');
    expect(formatModelDuration(185_142_000)).toBe('2d3h25m42s');
    expect(formatModelDuration(150_000)).toBe('2m30s');
  });

  it('rounds halfway durations away from zero, as time.Duration.Round', () => {
    expect(roundGoDuration(90_000, 60_000)).toBe(120_000);
    expect(roundGoDuration(89_999, 60_000)).toBe(60_000);
  });
});

describe('goQueryEscape', () => {
  it('escapes like url.QueryEscape', () => {
    expect(goQueryEscape('{__name__="a b"}')).toBe(
      '%7B__name__%3D%22a+b%22%7D',
    );
    expect(goQueryEscape("it's (x)*")).toBe('it%27s+%28x%29%2A');
  });
});
