import {
  formatBurnRate,
  formatDurationMs,
  formatDurationNs,
  formatPercent,
} from './format';

describe('formatPercent', () => {
  it.each([
    [0.999, '99.9%'],
    [0.9995, '99.95%'],
    [0.625, '62.5%'],
    [1, '100%'],
    [0, '0%'],
    [-0.25, '-25%'],
    [0.00042, '0.042%'],
    [0.001, '0.1%'],
  ])('shows %p as %p', (fraction, text) => {
    expect(formatPercent(fraction)).toBe(text);
  });

  it('shows a dash without data', () => {
    expect(formatPercent(null)).toBe('–');
    expect(formatPercent(undefined)).toBe('–');
  });
});

describe('formatBurnRate', () => {
  it('shows multiples of the budget rate', () => {
    expect(formatBurnRate(14.4)).toBe('14.4×');
    expect(formatBurnRate(0.9333333333)).toBe('0.93×');
    expect(formatBurnRate(null)).toBe('–');
  });
});

describe('formatDurationMs', () => {
  it.each([
    [0.25, '250 µs'],
    [450, '450 ms'],
    [1234, '1.23 s'],
    [90_000, '1.5 min'],
    [7_200_000, '2 h'],
  ])('shows %p ms as %p', (ms, text) => {
    expect(formatDurationMs(ms)).toBe(text);
  });

  it('converts nanoseconds', () => {
    expect(formatDurationNs(1_500_000)).toBe('1.5 ms');
  });
});
