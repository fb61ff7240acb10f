import { SloStatus } from '@lookout/plugin-observability-common';
import { sloState } from './sloState';

const base: SloStatus = {
  name: 'availability',
  objective: 0.999,
  window: '30d',
  errorRatio: 0.0001,
  errorBudgetRemaining: 0.9,
  burnRates: {},
  alerts: [],
  series: { errorBudgetRemaining: [], errorRatio: [] },
};

describe('sloState', () => {
  it('is ok with most of the budget left', () => {
    expect(sloState(base)).toBe('ok');
  });

  it('warns under a quarter of the budget', () => {
    expect(sloState({ ...base, errorBudgetRemaining: 0.2 })).toBe('warning');
  });

  it('is breached when the budget is spent', () => {
    expect(sloState({ ...base, errorBudgetRemaining: -0.1 })).toBe('breached');
  });

  it('has no data without an error ratio', () => {
    expect(
      sloState({ ...base, errorRatio: null, errorBudgetRemaining: null }),
    ).toBe('no-data');
  });

  it('judges a recorded budget even when the error ratio is missing', () => {
    expect(
      sloState({ ...base, errorRatio: null, errorBudgetRemaining: -0.1 }),
    ).toBe('breached');
  });

  it('is firing when an alert fires, whatever the budget', () => {
    expect(
      sloState({
        ...base,
        alerts: [{ severity: 'page', state: 'firing', activeAt: 0 }],
      }),
    ).toBe('firing');
  });
});
