import {
  add,
  compare,
  decimal,
  formatDecimal,
  multiply,
  shiftLeft,
  subtract,
} from './decimal';

const text = (value: Parameters<typeof decimal>[0]) =>
  formatDecimal(decimal(value));

describe('decimal', () => {
  it('reads numbers at the spelling a human wrote', () => {
    expect(text(99.95)).toBe('99.95');
    expect(text(1e-7)).toBe('0.0000001');
    expect(text(1.5e21)).toBe('1500000000000000000000');
    expect(text('0.9333333333')).toBe('0.9333333333');
    expect(text('14.40')).toBe('14.4');
    expect(text('.5')).toBe('0.5');
    expect(text(-2.5)).toBe('-2.5');
  });

  it('rejects text that is not a decimal number', () => {
    expect(() => decimal('1.2.3')).toThrow('not a decimal number');
    expect(() => decimal(Number.NaN)).toThrow('not a finite number');
  });

  it('computes budgets without binary rounding', () => {
    const budget = (percent: number) =>
      formatDecimal(subtract(decimal(1), shiftLeft(decimal(percent), 2)));
    expect(budget(99.9)).toBe('0.001');
    expect(budget(99.95)).toBe('0.0005');
    expect(budget(99.99)).toBe('0.0001');
    expect(budget(99.5)).toBe('0.005');
    expect(budget(99)).toBe('0.01');
    expect(1 - 99.9 / 100).not.toBe(0.001); // what floats would have written
  });

  it('multiplies factors and budgets exactly', () => {
    expect(formatDecimal(multiply(decimal(14.4), decimal('0.0005')))).toBe(
      '0.0072',
    );
    expect(
      formatDecimal(multiply(decimal(0.9333333333), decimal('0.001'))),
    ).toBe('0.0009333333333');
    expect(formatDecimal(add(decimal('0.1'), decimal('0.2')))).toBe('0.3');
  });

  it('compares across scales', () => {
    expect(compare(decimal('1.000'), decimal(1))).toBe(0);
    expect(compare(decimal('0.99'), decimal(1))).toBe(-1);
    expect(compare(decimal('1.44'), decimal(1))).toBe(1);
  });
});
