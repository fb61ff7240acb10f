import { ownerRefOf, withFigures } from './CatalogSloSummaryService';

describe('SLO summary', () => {
  it('judges the error ratio when the budget is not recorded, as the SLO tab does', () => {
    const row = {
      entityRef: 'component:default/checkout',
      name: 'availability',
      objective: 0.999,
      window: '30d',
    };
    const id = { backstage_entity: row.entityRef, slo: 'availability' };
    const [summary] = withFigures(
      [row],
      [
        {
          labels: { __name__: 'slo:sli_error:ratio', window: '30d', ...id },
          time: 0,
          value: 0.01,
        },
      ],
    );
    // Ten times the 0.1 % budget: 1 − 0.01 / 0.001 = −9.
    expect(summary.state).toBe('breached');
    expect(summary.errorBudgetRemaining).toBeCloseTo(-9);
  });

  it("matches figures to rows by entity, SLO and the SLO's own window", () => {
    const row = {
      entityRef: 'component:default/checkout',
      name: 'availability',
      objective: 0.999,
      window: '28d',
    };
    const id = { backstage_entity: row.entityRef, slo: 'availability' };
    const [summary] = withFigures(
      [row],
      [
        {
          labels: { __name__: 'slo:sli_error:ratio', window: '30d', ...id },
          time: 0,
          value: 0.9,
        },
        {
          labels: { __name__: 'slo:sli_error:ratio', window: '28d', ...id },
          time: 0,
          value: 0.0002,
        },
        {
          labels: { __name__: 'slo:error_budget_remaining:ratio', ...id },
          time: 0,
          value: 0.8,
        },
      ],
    );
    expect(summary).toEqual({
      ...row,
      errorRatio: 0.0002,
      errorBudgetRemaining: 0.8,
      state: 'ok',
    });
  });

  it('reads owners as group refs', () => {
    expect(ownerRefOf('team-a')).toBe('group:default/team-a');
    expect(ownerRefOf('user:default/jane')).toBe('user:default/jane');
    expect(() => ownerRefOf('group:default/')).toThrow(
      /not an entity reference/,
    );
  });
});
