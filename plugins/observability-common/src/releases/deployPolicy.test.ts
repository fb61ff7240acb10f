import {
  DEFAULT_DEPLOY_POLICY,
  decideDeployGate,
  parseDeployExempt,
  parseDeployFreezeBudget,
} from './deployPolicy';

describe('deploy policy annotations', () => {
  it('reads the freeze threshold as a fraction of the budget', () => {
    expect(parseDeployFreezeBudget('10')).toEqual({ ok: true, value: 0.1 });
    expect(parseDeployFreezeBudget('0')).toEqual({ ok: true, value: 0 });
  });

  it.each(['100', '-5', '10%', 'ten', ''])(
    'refuses %j as a freeze threshold, saying what is expected',
    text => {
      const parsed = parseDeployFreezeBudget(text);
      expect(parsed.ok).toBe(false);
      expect(!parsed.ok && parsed.message).toMatch(/e\.g\. "10"/);
    },
  );

  it('reads exempt kinds, trimmed and without duplicates', () => {
    expect(parseDeployExempt(' fix, security ,fix')).toEqual({
      ok: true,
      value: ['fix', 'security'],
    });
  });

  it('refuses an empty list and a kind that is not a kind', () => {
    expect(parseDeployExempt(' , ').ok).toBe(false);
    const parsed = parseDeployExempt('fix, Hot Fix');
    expect(!parsed.ok && parsed.message).toMatch(/"Hot Fix"/);
  });
});

describe('decideDeployGate', () => {
  it('is open while every SLO has budget left (default policy)', () => {
    expect(
      decideDeployGate(DEFAULT_DEPLOY_POLICY, [
        { slo: 'availability', errorBudgetRemaining: 0.01 },
      ]),
    ).toEqual({
      allowed: true,
      reasons: ['no SLO has its error budget exhausted'],
    });
  });

  it('freezes when an SLO has exhausted its budget, naming it', () => {
    expect(
      decideDeployGate(DEFAULT_DEPLOY_POLICY, [
        { slo: 'availability', errorBudgetRemaining: -0.5 },
        { slo: 'latency', errorBudgetRemaining: 0.9 },
      ]),
    ).toEqual({
      allowed: false,
      reasons: ['SLO availability: -50% of the error budget left, exhausted'],
    });
  });

  it('freezes at the threshold of the policy, and lets exempt kinds through', () => {
    const policy = { freezeBudget: 0.25, exempt: ['fix'] };
    const budgets = [{ slo: 'availability', errorBudgetRemaining: 0.25 }];
    expect(decideDeployGate(policy, budgets, 'feature')).toEqual({
      allowed: false,
      reasons: [
        'SLO availability: 25% of the error budget left, at or below the freeze threshold of 25%',
      ],
    });
    expect(decideDeployGate(policy, budgets, 'fix').allowed).toBe(true);
    expect(
      decideDeployGate(policy, [
        { slo: 'availability', errorBudgetRemaining: 0.26 },
      ]).allowed,
    ).toBe(true);
  });

  it('does not freeze on an SLO without data, and says so', () => {
    expect(
      decideDeployGate(DEFAULT_DEPLOY_POLICY, [
        { slo: 'availability', errorBudgetRemaining: null },
      ]),
    ).toEqual({
      allowed: true,
      reasons: [
        'no SLO has its error budget exhausted',
        'SLO availability: no error budget data yet; not counted',
      ],
    });
  });
});
