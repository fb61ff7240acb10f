import { formatChange, madeWorse } from './releaseImpact';

const span = (before: number | null, after: number | null | undefined) => ({
  span: '1h',
  before: { errorRatio: before, budgetConsumed: before },
  after:
    after === undefined ? null : { errorRatio: after, budgetConsumed: after },
});

describe('release impact wording', () => {
  it('shows before → after, and … until the span after has passed', () => {
    expect(formatChange(span(0.001, 0.01), 'errorRatio')).toBe('0.1% → 1%');
    expect(formatChange(span(0.001, undefined), 'errorRatio')).toBe('0.1% → …');
  });

  it('calls a release worse when it burns above the allowance and twice as fast as before', () => {
    expect(madeWorse(span(0.0005, 0.01), 0.999)).toBe(true);
    expect(madeWorse(span(0.0005, 0.0009), 0.999)).toBe(false); // within the allowance
    expect(madeWorse(span(0.006, 0.01), 0.999)).toBe(false); // was already that bad
    expect(madeWorse(span(null, 0.01), 0.999)).toBe(true);
    expect(madeWorse(span(0.001, undefined), 0.999)).toBe(false);
  });
});
