/*
 * The route tree of Lookout's alerts, built from the catalog's owners and their receivers: the
 * one model that both output formats are written from (alertmanager.yaml, AlertmanagerConfig)
 * and that the entity page asks "who gets paged" (`routeAlert`). Pure and deterministic.
 *
 * Per team (the `team` label: the owner Group's name), in team order:
 *   - with a ticket channel: `team=T` → tickets; pages → the Component's own pager, else the
 *     team's pager, else (no pager) the ticket channel;
 *   - with a pager only: `team=T, severity=page` → pager (Components' own pagers first);
 *   - with neither: no route, so everything reaches the default receiver.
 * Components without an owner but with their own pager get a route of their own, first.
 */
import { AlertingSettings, RouteTimings } from './alertingSettings';
import {
  AlertReceivers,
  describeTicketChannel,
  PagerDutyKey,
  ReceiverSpec,
} from './receivers';

/** A matcher of a route (Alertmanager's `matchers` syntax). @public */
export interface RouteMatcher {
  name: string;
  op: '=' | '!=' | '=~';
  value: string;
}

/** A route of the tree. @public */
export interface AlertRoute extends RouteTimings {
  receiver: string;
  matchers: RouteMatcher[];
  groupBy?: string[];
  routes: AlertRoute[];
}

/** A Component with a pager of its own (`pagerduty.com/integration-key` on the Component). @public */
export interface EntityPager {
  entityRef: string;
  /** `<kind>-<namespace>-<name>`: its receiver is `<slug>-pager`. */
  slug: string;
  pager: PagerDutyKey;
}

/** A team whose entities have SLO alerts, with what its Group entity says. @public */
export interface RoutedTeam {
  /** Value of the `team` label (the Group's name). */
  team: string;
  /** The Group's ref; absent when the owner is not in the catalog. */
  groupRef?: string;
  receivers: AlertReceivers;
  /** The team's Components that have their own pager. */
  entityPagers: EntityPager[];
}

/** What the routing is built from. @public */
export interface RoutingInput {
  teams: RoutedTeam[];
  /** Components without an owner that have their own pager. */
  ownerlessPagers: EntityPager[];
}

/** The routes and receivers of one owner: one AlertmanagerConfig in the operator format. @public */
export interface RouteOwner {
  /** The team, or the Component of an owner-less pager. */
  name: string;
  /** The Group's ref (or the Component's), for the generated objects' entity annotation. */
  ref: string;
  route: AlertRoute;
  receivers: ReceiverSpec[];
}

/** The whole routing: root route (default receiver), owners in order, every receiver. @public */
export interface RoutingPlan {
  root: AlertRoute;
  owners: RouteOwner[];
  /** The default receiver first, then each owner's. */
  receivers: ReceiverSpec[];
}

/** Receiver of a team's pages. @public */
export function pagerReceiverName(team: string): string {
  return `${team}-pager`;
}

/** Receiver of a team's tickets. @public */
export function ticketReceiverName(team: string): string {
  return `${team}-tickets`;
}

function eq(name: string, value: string): RouteMatcher {
  return { name, op: '=', value };
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Code-unit order (not locale order): the same output on every machine. */
function compareText(a: string, b: string): number {
  if (a === b) {
    return 0;
  }
  return a < b ? -1 : 1;
}

function byName<T extends { entityRef: string }>(a: T, b: T): number {
  return compareText(a.entityRef, b.entityRef);
}

function pagerReceiver(
  name: string,
  pager: PagerDutyKey,
  who: string,
): ReceiverSpec {
  return {
    name,
    pagerduty: pager,
    tickets: [],
    description: `PagerDuty (${who})`,
  };
}

function entityName(entityRef: string): string {
  return entityRef.slice(entityRef.indexOf('/') + 1);
}

function entityPagerRoute(
  pager: EntityPager,
  matchers: RouteMatcher[],
  timings: RouteTimings,
): AlertRoute {
  return {
    receiver: `${pager.slug}-pager`,
    matchers: [eq('backstage_entity', pager.entityRef), ...matchers],
    ...timings,
    routes: [],
  };
}

/** The owner of a team's routes, or nothing when the team names no receiver at all. */
function teamOwner(
  team: RoutedTeam,
  settings: AlertingSettings,
): RouteOwner | undefined {
  const { pager, tickets } = team.receivers;
  const entityPagers = [...team.entityPagers].sort(byName);
  if (!pager && tickets.length === 0 && entityPagers.length === 0) {
    return undefined;
  }
  const page = settings.severities.page;
  const receivers: ReceiverSpec[] = [];
  if (pager) {
    receivers.push(
      pagerReceiver(pagerReceiverName(team.team), pager, team.team),
    );
  }
  if (tickets.length > 0) {
    receivers.push({
      name: ticketReceiverName(team.team),
      tickets,
      description: tickets.map(describeTicketChannel).join(', '),
    });
  }
  receivers.push(
    ...entityPagers.map(p =>
      pagerReceiver(`${p.slug}-pager`, p.pager, entityName(p.entityRef)),
    ),
  );
  const ref = team.groupRef ?? `group:default/${team.team}`;
  const teamMatcher = eq('team', team.team);
  let route: AlertRoute;
  if (tickets.length > 0) {
    const ticketsName = ticketReceiverName(team.team);
    route = {
      receiver: ticketsName,
      matchers: [teamMatcher],
      routes: [
        ...entityPagers.map(p =>
          entityPagerRoute(p, [eq('severity', 'page')], page),
        ),
        {
          receiver: pager ? pagerReceiverName(team.team) : ticketsName,
          matchers: [eq('severity', 'page')],
          ...page,
          routes: [],
        },
        {
          receiver: ticketsName,
          matchers: [eq('severity', 'ticket')],
          ...settings.severities.ticket,
          routes: [],
        },
      ],
    };
  } else if (pager) {
    route = {
      receiver: pagerReceiverName(team.team),
      matchers: [teamMatcher, eq('severity', 'page')],
      ...page,
      routes: entityPagers.map(p => entityPagerRoute(p, [], page)),
    };
  } else {
    route = {
      receiver: `${entityPagers[0].slug}-pager`,
      matchers: [
        teamMatcher,
        eq('severity', 'page'),
        {
          name: 'backstage_entity',
          op: '=~',
          value: entityPagers.map(p => escapeRegex(p.entityRef)).join('|'),
        },
      ],
      ...page,
      routes: entityPagers.map(p => entityPagerRoute(p, [], page)),
    };
  }
  return { name: team.team, ref, route, receivers };
}

/**
 * Builds the routing of `input`: owner-less Components' pagers first, then the teams sorted by
 * name; the root route takes everything else to the default receiver.
 * @public
 */
export function buildRoutingPlan(
  input: RoutingInput,
  settings: AlertingSettings,
): RoutingPlan {
  const owners: RouteOwner[] = [];
  for (const pager of [...input.ownerlessPagers].sort(byName)) {
    owners.push({
      name: pager.slug,
      ref: pager.entityRef,
      route: entityPagerRoute(
        pager,
        [eq('severity', 'page')],
        settings.severities.page,
      ),
      receivers: [
        pagerReceiver(
          `${pager.slug}-pager`,
          pager.pager,
          entityName(pager.entityRef),
        ),
      ],
    });
  }
  const teams = [...input.teams].sort((a, b) => compareText(a.team, b.team));
  for (const team of teams) {
    const owner = teamOwner(team, settings);
    if (owner) {
      owners.push(owner);
    }
  }
  return assembleRoutingPlan(owners, settings);
}

/**
 * The plan of owners built earlier (e.g. kept one file per owner by a sink): owner-less
 * Components' pagers first, then the teams by name, under the root route to the default
 * receiver. {@link buildRoutingPlan} ends with it.
 * @public
 */
export function assembleRoutingPlan(
  unsorted: RouteOwner[],
  settings: AlertingSettings,
): RoutingPlan {
  const isTeam = (owner: RouteOwner) => owner.ref.startsWith('group:');
  const owners = [...unsorted].sort(
    (a, b) =>
      Number(isTeam(a)) - Number(isTeam(b)) || compareText(a.name, b.name),
  );
  return {
    root: {
      receiver: settings.defaultReceiver.name,
      matchers: [],
      groupBy: settings.groupBy,
      ...settings.timings,
      routes: owners.map(owner => owner.route),
    },
    owners,
    receivers: [settings.defaultReceiver, ...owners.flatMap(o => o.receivers)],
  };
}
