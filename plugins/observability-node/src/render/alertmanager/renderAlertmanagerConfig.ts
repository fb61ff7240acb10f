/*
 * The Alertmanager side of Lookout's SLO alerts, as a configuration fragment to merge into an
 * Alertmanager configuration: a firing page of an SLO silences the ticket of the same SLO
 * (inhibition), and alerts are routed to their team, pages to the team's pager receiver.
 */
import { RenderInput } from '../types';
import { ALERT_ERROR_BUDGET_BURN } from '../rules/sloSeries';
import { teamOf } from '../rules/entityLinks';

/** A route of the fragment. @public */
export interface AlertmanagerRoute {
  receiver: string;
  matchers: string[];
  group_by?: string[];
  routes?: AlertmanagerRoute[];
}

/**
 * The fragment: `route.routes` to merge under the root route (which keeps its own receiver
 * for everything else), `inhibit_rules`, and one receiver per name used (names only: fill in
 * `slack_configs`, `pagerduty_configs`... in the real configuration).
 * @public
 */
export interface AlertmanagerFragment {
  route: { routes: AlertmanagerRoute[] };
  inhibit_rules: Array<{
    source_matchers: string[];
    target_matchers: string[];
    equal: string[];
  }>;
  receivers: Array<{ name: string }>;
}

/** Alertmanager matcher text `name="value"`, value quoted as Alertmanager parses it. */
function matcher(name: string, value: string): string {
  return `${name}=${JSON.stringify(value)}`;
}

/** Receiver of a team's pages. @public */
export function pagerReceiverName(team: string): string {
  return `${team}-pager`;
}

/** Receiver of a team's tickets and of its alerts of any other severity. @public */
export function ticketReceiverName(team: string): string {
  return `${team}-tickets`;
}

/** Teams whose alerts Lookout emits: per SLO its `team` label, else the entity owner's name. */
function teams(inputs: RenderInput[]): string[] {
  const names = new Set<string>();
  for (const input of inputs) {
    const owner = teamOf(input.entity);
    for (const slo of input.spec.slos) {
      const team = slo.labels.team ?? owner;
      if (team) {
        names.add(team);
      }
    }
  }
  return [...names].sort();
}

/**
 * The Alertmanager fragment for the SLOs of `inputs`: routes per team (sorted), the inhibition
 * of tickets by pages of the same SLO and entity, and receiver skeletons. Pure and
 * deterministic.
 * @public
 */
export function renderAlertmanagerConfig(
  inputs: RenderInput[],
): AlertmanagerFragment {
  const teamNames = teams(inputs);
  return {
    route: {
      routes: teamNames.map(team => ({
        receiver: ticketReceiverName(team),
        matchers: [matcher('team', team)],
        group_by: ['alertname', 'backstage_entity', 'slo'],
        routes: [
          {
            receiver: pagerReceiverName(team),
            matchers: [matcher('severity', 'page')],
          },
        ],
      })),
    },
    inhibit_rules: [
      {
        source_matchers: [
          matcher('alertname', ALERT_ERROR_BUDGET_BURN),
          matcher('severity', 'page'),
        ],
        target_matchers: [
          matcher('alertname', ALERT_ERROR_BUDGET_BURN),
          matcher('severity', 'ticket'),
        ],
        equal: ['slo', 'backstage_entity'],
      },
    ],
    receivers: teamNames.flatMap(team => [
      { name: pagerReceiverName(team) },
      { name: ticketReceiverName(team) },
    ]),
  };
}
