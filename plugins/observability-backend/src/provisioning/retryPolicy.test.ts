import { nextAttemptAt } from './retryPolicy';

describe('nextAttemptAt', () => {
  const policy = { initialDelayMs: 1_000, maxDelayMs: 60_000 };

  it('doubles the delay with every failure in a row', () => {
    expect([1, 2, 3, 4].map(n => nextAttemptAt(0, n, policy))).toEqual([
      1_000, 2_000, 4_000, 8_000,
    ]);
  });

  it('never waits longer than the cap, however many failures', () => {
    expect(nextAttemptAt(5, 7, policy)).toBe(60_005);
    expect(nextAttemptAt(5, 10_000, policy)).toBe(60_005);
  });
});
