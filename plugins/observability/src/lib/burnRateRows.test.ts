import { SloStatus } from '@lookout/plugin-observability-common';
import { burnRateRows } from './burnRateRows';

const status: SloStatus = {
  name: 'availability',
  objective: 0.999,
  window: '30d',
  errorRatio: 0.01,
  errorBudgetRemaining: 0.5,
  burnRates: {
    '5m': 20,
    '1h': 15,
    '30m': 7,
    '6h': 5,
    '2h': 1,
    '1d': 1,
    '3d': 0.5,
  },
  alerts: [
    {
      severity: 'page',
      state: 'firing',
      activeAt: 0,
      labels: { long_window: '1h' },
    },
  ],
  series: { errorBudgetRemaining: [], errorRatio: [] },
};

describe('burnRateRows', () => {
  it('lists the four tiers with the factors of docs/slo-alerting.md', () => {
    const rows = burnRateRows(status);

    expect(
      rows.map(r => [r.severity, r.longWindow, r.shortWindow, r.factor]),
    ).toEqual([
      ['page', '1h', '5m', 14.4],
      ['page', '6h', '30m', 6],
      ['ticket', '1d', '2h', 3],
      ['ticket', '3d', '6h', 1.1],
    ]);
  });

  it('marks a tier exceeding only when both windows burn faster than its factor', () => {
    const rows = burnRateRows(status);

    expect(rows.map(r => r.exceeding)).toEqual([true, false, false, false]);
  });

  it('attributes a firing alert to the tier of its long window', () => {
    const rows = burnRateRows(status);

    expect(rows.map(r => r.firing)).toEqual([true, false, false, false]);
  });

  it('uses the tiers the backend reports when it sends them', () => {
    const rows = burnRateRows({
      ...status,
      tiers: [
        {
          severity: 'ticket',
          longWindow: '1d',
          shortWindow: '2h',
          factor: 2.8,
        },
      ],
    });

    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      factor: 2.8,
      longRate: 1,
      shortRate: 1,
      exceeding: false,
    });
  });

  it('shows missing burn rates as null', () => {
    const rows = burnRateRows({ ...status, burnRates: {} });

    expect(rows[0]).toMatchObject({
      longRate: null,
      shortRate: null,
      exceeding: false,
    });
  });
});
