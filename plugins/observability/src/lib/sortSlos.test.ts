import { SloSummary } from '@lookout/plugin-observability-common';
import { sortSlos } from './sortSlos';

function row(
  name: string,
  state: SloSummary['state'],
  budget: number | null,
): SloSummary {
  return {
    entityRef: 'component:default/x',
    name,
    objective: 0.99,
    window: '30d',
    errorRatio: null,
    errorBudgetRemaining: budget,
    state,
  };
}

const rows = [
  row('a', 'ok', 0.9),
  row('b', 'firing', 0.5),
  row('c', 'no-data', null),
  row('d', 'breached', -0.2),
];

describe('sortSlos', () => {
  it('puts the worst state first', () => {
    expect(
      sortSlos(rows, { by: 'state', direction: 'asc' }).map(r => r.name),
    ).toEqual(['b', 'd', 'c', 'a']);
  });

  it('sorts by budget remaining, least first, without data last', () => {
    expect(
      sortSlos(rows, { by: 'budget', direction: 'asc' }).map(r => r.name),
    ).toEqual(['d', 'b', 'a', 'c']);
  });

  it('reverses for descending order', () => {
    expect(
      sortSlos(rows, { by: 'budget', direction: 'desc' }).map(r => r.name),
    ).toEqual(['c', 'a', 'b', 'd']);
  });
});
