/*
 * Sorting of the SLO overview rows by state (worst first) or by budget remaining (least first).
 */
import { SloSummary } from '@lookout/plugin-observability-common';
import { SLO_STATE_ORDER } from './sloState';

/** Sortable columns of the overview. */
export type SloSortKey = 'state' | 'budget';

/** Column and direction. */
export interface SloSort {
  by: SloSortKey;
  direction: 'asc' | 'desc';
}

function budgetOf(row: SloSummary): number {
  // Without data, the budget sorts after every known value.
  return row.errorBudgetRemaining ?? Infinity;
}

/** A sorted copy; ties keep the backend's order. `asc` puts the worst first. */
export function sortSlos(
  rows: readonly SloSummary[],
  sort: SloSort,
): SloSummary[] {
  const sign = sort.direction === 'asc' ? 1 : -1;
  const compare =
    sort.by === 'state'
      ? (a: SloSummary, b: SloSummary) =>
          SLO_STATE_ORDER.indexOf(a.state) - SLO_STATE_ORDER.indexOf(b.state)
      : (a: SloSummary, b: SloSummary) => {
          const x = budgetOf(a);
          const y = budgetOf(b);
          if (x === y) {
            return 0;
          }
          return x < y ? -1 : 1;
        };
  return rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => sign * compare(a.row, b.row) || a.index - b.index)
    .map(({ row }) => row);
}
