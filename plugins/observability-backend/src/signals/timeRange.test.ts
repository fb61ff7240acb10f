import { resolveRange } from './timeRange';

const limits = { defaultSpanMs: 3_600_000, maxSpanMs: 86_400_000 };

describe('resolveRange', () => {
  it('defaults to the last span up to now', () => {
    expect(resolveRange({}, limits, 10_000_000)).toEqual({
      from: 6_400_000,
      to: 10_000_000,
    });
    expect(resolveRange({ to: 5_000_000 }, limits, 10_000_000)).toEqual({
      from: 1_400_000,
      to: 5_000_000,
    });
  });

  it('refuses empty, reversed and too long ranges', () => {
    expect(() => resolveRange({ from: 5, to: 5 }, limits)).toThrow(
      'from must be earlier than to',
    );
    expect(() => resolveRange({ from: 0, to: 2 * 86_400_000 }, limits)).toThrow(
      'from and to may be at most 1 day apart',
    );
  });
});
