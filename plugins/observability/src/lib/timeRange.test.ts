import { resolveTimeRange, timeRangeFromParams } from './timeRange';

describe('resolveTimeRange', () => {
  it('ends a preset at now', () => {
    expect(resolveTimeRange({ preset: '6h' }, 100_000_000)).toEqual({
      from: 100_000_000 - 6 * 3_600_000,
      to: 100_000_000,
    });
  });

  it('keeps an absolute window', () => {
    expect(resolveTimeRange({ from: 1, to: 2 }, 100)).toEqual({
      from: 1,
      to: 2,
    });
  });
});

describe('timeRangeFromParams', () => {
  it('reads an absolute window from epoch-ms parameters', () => {
    expect(timeRangeFromParams('1000', '2000')).toEqual({
      from: 1000,
      to: 2000,
    });
  });

  it.each([
    [null, '2000'],
    ['abc', '2000'],
    ['3000', '2000'],
  ])('ignores from=%p to=%p', (from, to) => {
    expect(timeRangeFromParams(from, to)).toBeUndefined();
  });
});
