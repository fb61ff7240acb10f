import { errorBudgetRemainingOf, sloState } from './sloState';

// A 99.9 % objective: the error budget is 0.001 of the requests.
const objective = 0.999;

describe('sloState', () => {
  it('is firing when a burn-rate alert fires, whatever the figures', () => {
    expect(
      sloState({
        objective,
        errorRatio: null,
        errorBudgetRemaining: null,
        firing: true,
      }),
    ).toBe('firing');
  });

  it.each([
    [0.9, 'ok'],
    [0.25, 'ok'],
    [0.2, 'warning'],
    [0, 'breached'],
    [-0.5, 'breached'],
  ] as const)('with %p of the budget left is %p', (left, state) => {
    expect(
      sloState({
        objective,
        errorRatio: 0.0001,
        errorBudgetRemaining: left,
        firing: false,
      }),
    ).toBe(state);
  });

  it('has no data only when both figures are missing', () => {
    expect(
      sloState({
        objective,
        errorRatio: null,
        errorBudgetRemaining: null,
        firing: false,
      }),
    ).toBe('no-data');
  });

  it('judges a recorded budget even without the error ratio (a spent budget is not "no data")', () => {
    expect(
      sloState({
        objective,
        errorRatio: null,
        errorBudgetRemaining: -0.2,
        firing: false,
      }),
    ).toBe('breached');
  });

  it('judges the error ratio when the budget is not recorded (ten times the budget is not "ok")', () => {
    // 1 − 0.01 / 0.001 = −9: the budget is spent nine times over.
    expect(
      sloState({
        objective,
        errorRatio: 0.01,
        errorBudgetRemaining: null,
        firing: false,
      }),
    ).toBe('breached');
    // 1 − 0.0008 / 0.001 = 0.2: under a quarter left.
    expect(
      sloState({
        objective,
        errorRatio: 0.0008,
        errorBudgetRemaining: null,
        firing: false,
      }),
    ).toBe('warning');
  });
});

describe('errorBudgetRemainingOf', () => {
  it('prefers the recorded budget, else derives it from the error ratio', () => {
    expect(errorBudgetRemainingOf(objective, 0.0005, 0.7)).toBe(0.7);
    expect(errorBudgetRemainingOf(objective, 0.0005, null)).toBeCloseTo(0.5);
    expect(errorBudgetRemainingOf(objective, null, null)).toBeNull();
  });
});
