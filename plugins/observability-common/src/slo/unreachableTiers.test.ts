import {
  describeUnreachableTier,
  findUnreachableTiers,
} from './unreachableTiers';

const longWindows = (objective: number, window = '30d') =>
  findUnreachableTiers(objective, window).map(u => u.tier.longWindow);

describe('findUnreachableTiers (docs/slo-alerting.md, "Tiers left out")', () => {
  it('leaves nothing out at usual objectives, whatever the window', () => {
    for (const window of ['7d', '14d', '28d', '30d', '90d']) {
      expect(longWindows(99.9, window)).toEqual([]);
      expect(longWindows(99, window)).toEqual([]);
      expect(longWindows(95, window)).toEqual([]);
    }
  });

  it('leaves out the capped 1h page tier at 90 %: a 10 % error ratio is only 1× the budget', () => {
    expect(findUnreachableTiers(90, '30d')).toEqual([
      {
        tier: expect.objectContaining({ longWindow: '1h' }),
        factor: 1,
        errorRatio: 0.1,
      },
    ]);
  });

  it('counts a threshold of exactly 100 % as unreachable', () => {
    // The 6h/30m tier fires at 6×; with a budget of 1/6 the threshold is exactly 1.
    expect(longWindows(100 - 100 / 6)).toEqual(['1h', '6h']);
  });

  it('drops the same tiers at every window and skips switched-off severities', () => {
    expect(longWindows(50, '7d')).toEqual(['1h', '6h', '1d']);
    expect(longWindows(50, '90d')).toEqual(['1h', '6h', '1d']);
    expect(longWindows(5, '90d')).toEqual(['1h', '6h', '1d', '3d']);
    expect(
      findUnreachableTiers(50, '90d', { page: false, ticket: true }).map(
        u => u.tier.longWindow,
      ),
    ).toEqual(['1d']);
  });

  it('words the warning one way, naming the tier and why', () => {
    const [tier] = findUnreachableTiers(80, '30d');
    expect(describeUnreachableTier(tier, 80, '30d')).toBe(
      'the page tier 1h/5m is left out: with objective 80% the error budget is 20% of events over 30d, ' +
        'and it would fire at 0.5× the budget rate (an error ratio of 10%), which a met SLO reaches. ' +
        'Raise the objective if you want this tier (docs/slo-alerting.md)',
    );
    const [, sixHours] = findUnreachableTiers(80, '30d');
    expect(describeUnreachableTier(sixHours, 80, '30d')).toContain(
      'it fires above an error ratio of 120% (6× the budget), which is never exceeded',
    );
  });
});
