/*
 * The dashboard row of one SLO: objective, availability over the window, error budget remaining,
 * burn rates per alert window, the budget burn-down and the error ratio over time. Every panel
 * reads the series recorded by the SLO rules, not the raw metrics.
 */
import {
  BURN_RATE_TIERS,
  burnRateFactor,
  RECORDED_WINDOWS,
  SloSpec,
} from '@lookout/plugin-observability-common';
import { RowBuilder } from '@grafana/grafana-foundation-sdk/dashboard';
import * as units from '@grafana/grafana-foundation-sdk/units';
import { sloQueries } from './panelQueries';
import {
  DashboardSection,
  externalLink,
  PanelIds,
  statPanel,
  thresholds,
  timeseriesPanel,
} from './panels';

/** Number of decimals of an objective in percent (`99.95` → 2). */
function decimalsOf(percent: number): number {
  const [, fraction = ''] = String(percent).split('.');
  return fraction.length;
}

/** The section of one SLO. */
export function sloSection(
  ids: PanelIds,
  entityRef: string,
  slo: SloSpec,
): DashboardSection {
  const q = sloQueries(entityRef, slo.name, slo.window);
  // Shifting the decimal point in the text gives 0.999 for 99.9, where 99.9 / 100 would not.
  const objective = Number(`${slo.objective}e-2`);
  const decimals = decimalsOf(slo.objective);
  // The smallest page factor: at or above it, the budget burns fast enough to page.
  const pageFactor = Math.min(
    ...BURN_RATE_TIERS.filter(t => t.severity === 'page').map(t =>
      burnRateFactor(t, slo.objective),
    ),
  );
  const row = new RowBuilder(
    `SLO ${slo.name}: ${slo.objective}% over ${slo.window}`,
  ).id(ids.next());
  const links = slo.alerting.runbook
    ? [externalLink('Runbook', slo.alerting.runbook)]
    : [];
  const about = slo.description
    ? `${slo.description.trim().replace(/\.$/, '')}. `
    : '';
  return {
    row,
    panels: [
      statPanel(ids, {
        title: 'Objective',
        description: `${about}Share of good events the SLO promises over ${slo.window}.`,
        queries: [q.objective],
        unit: units.PercentUnit,
        decimals,
        thresholds: thresholds('blue', []),
        width: 4,
        height: 4,
        links,
      }),
      statPanel(ids, {
        title: `Availability (${slo.window})`,
        description: `Share of good events over the last ${slo.window}; red below the objective.`,
        queries: [q.availability],
        unit: units.PercentUnit,
        decimals: decimals + 1,
        thresholds: thresholds('red', [[objective, 'green']]),
        width: 4,
        height: 4,
      }),
      statPanel(ids, {
        title: 'Error budget remaining',
        description: `Share of the ${slo.window} error budget not spent yet; negative when the SLO is breached.`,
        queries: [q.budgetRemaining],
        unit: units.PercentUnit,
        decimals: 1,
        thresholds: thresholds('red', [
          [0, 'orange'],
          [0.25, 'green'],
        ]),
        width: 4,
        height: 4,
      }),
      statPanel(ids, {
        title: 'Burn rate',
        description: `Error ratio over each alert window divided by the error budget: 1 spends exactly the budget over ${slo.window}; ${pageFactor} and more pages.`,
        queries: RECORDED_WINDOWS.map(w => q.burnRate(w)),
        unit: units.Short,
        decimals: 2,
        thresholds: thresholds('green', [
          [1, 'orange'],
          [pageFactor, 'red'],
        ]),
        width: 12,
        height: 4,
      }),
      timeseriesPanel(ids, {
        title: 'Error budget burn-down',
        description: `Error budget remaining over the trailing ${slo.window}.`,
        queries: [q.budgetRemaining],
        unit: units.PercentUnit,
        width: 12,
        height: 8,
      }),
      timeseriesPanel(ids, {
        title: 'Error ratio',
        description:
          'Share of bad events over short and long windows, against the error budget.',
        queries: [q.errorRatio('5m'), q.errorRatio('1h'), q.budget],
        unit: units.PercentUnit,
        width: 12,
        height: 8,
        min: 0,
      }),
    ],
  };
}
