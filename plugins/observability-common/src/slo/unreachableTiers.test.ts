import { findUnreachableTiers } from './unreachableTiers';

describe('findUnreachableTiers', () => {
  it('finds nothing for usual objectives', () => {
    expect(findUnreachableTiers(99.9, '30d')).toEqual([]);
    expect(findUnreachableTiers(95, '30d')).toEqual([]);
  });

  it('finds the 1h/5m page tier for objective 90 over 30d (14.4 × 10% ≥ 100%)', () => {
    expect(findUnreachableTiers(90, '30d')).toEqual([
      {
        tier: expect.objectContaining({ longWindow: '1h' }),
        factor: 14.4,
        errorRatioThreshold: 1.44,
      },
    ]);
  });

  it('counts a threshold of exactly 100% as unreachable', () => {
    // 30d: the 6h/30m tier fires at 6×; with a budget of 1/6 the threshold is exactly 1.
    const objective = 100 - 100 / 6;
    expect(
      findUnreachableTiers(objective, '30d').map(u => u.tier.longWindow),
    ).toEqual(['1h', '6h']);
  });

  it('scales with the window and skips switched-off severities', () => {
    expect(findUnreachableTiers(90, '7d')).toEqual([]);
    expect(findUnreachableTiers(50, '90d').map(u => u.tier.longWindow)).toEqual(
      ['1h', '6h', '1d', '3d'],
    );
    expect(
      findUnreachableTiers(50, '90d', { page: false, ticket: true }).map(
        u => u.tier.longWindow,
      ),
    ).toEqual(['1d', '3d']);
  });
});
