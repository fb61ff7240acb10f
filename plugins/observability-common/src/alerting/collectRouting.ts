/*
 * From the catalog to the routing input: the teams that own entities with SLO alerts, what
 * their Group entities say, and the Components with a pager of their own; plus the warning an
 * entity gets when its pages would reach no pager.
 */
import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_PAGER_SECRET,
  ANNOTATION_PAGERDUTY_INTEGRATION_KEY,
} from '../annotations/annotations';
import { entityIdentity } from '../spec/entityIdentity';
import { ObservabilityProblem, ObservabilitySpec } from '../spec/types';
import { alertOwnerRef, alertTeamOf } from './alertOwner';
import { parseAlertReceivers } from './parseAlertReceivers';
import { RoutedTeam, RoutingInput, RoutingPlan } from './routeTree';
import { whoGetsPaged } from './whoGetsPaged';

/** An entity Lookout renders, with what it was parsed into. @public */
export interface RoutedEntity {
  entity: Entity;
  spec: ObservabilitySpec;
}

/**
 * Whether an entity emits SLO burn-rate alerts: any SLO with a page or ticket tier, or OpenSLO
 * documents not read yet (their SLOs alert unless they say otherwise).
 * @public
 */
export function hasSloAlerts(spec: ObservabilitySpec): boolean {
  return (
    spec.openslo !== undefined ||
    spec.slos.some(slo => slo.alerting.page || slo.alerting.ticket)
  );
}

/** `<kind>-<namespace>-<name>`, kind in lowercase, of an entity ref. */
function slugOf(entityRef: string): string {
  return entityRef
    .replace(':', '-')
    .replace('/', '-')
    .toLocaleLowerCase('en-US');
}

/**
 * The routing input of a catalog: every team owning an entity with SLO alerts (with its Group's
 * receivers when `groupOf` finds the Group) and the Components' own pagers. Malformed routing
 * annotations of the Groups and Components are left out (their problems come from
 * `parseAlertReceivers` at ingestion).
 * @public
 */
export function collectRouting(
  entities: RoutedEntity[],
  groupOf: (groupRef: string) => Entity | undefined,
): RoutingInput {
  const teams = new Map<string, RoutedTeam>();
  const ownerlessPagers: RoutingInput['ownerlessPagers'] = [];
  for (const { entity, spec } of entities) {
    if (!hasSloAlerts(spec)) {
      continue;
    }
    const ownPager = parseAlertReceivers(entity).receivers.pager;
    const entityRef = entityIdentity(entity).entityRef;
    const pager = ownPager && {
      entityRef,
      slug: slugOf(entityRef),
      pager: ownPager,
    };
    const team = alertTeamOf(entity);
    const groupRef = alertOwnerRef(entity);
    if (!team || !groupRef) {
      if (pager) {
        ownerlessPagers.push(pager);
      }
      continue;
    }
    let routed = teams.get(team);
    if (!routed) {
      const group = groupOf(groupRef);
      routed = {
        team,
        ...(group ? { groupRef } : {}),
        receivers: group
          ? parseAlertReceivers(group).receivers
          : { tickets: [] },
        entityPagers: [],
      };
      teams.set(team, routed);
    }
    if (pager) {
      routed.entityPagers.push(pager);
    }
  }
  return { teams: [...teams.values()], ownerlessPagers };
}

/**
 * The warning of an entity with SLO alerts whose pages reach no pager (the default receiver or
 * a ticket channel), naming what to add and where; nothing when a pager takes them.
 * @public
 */
export function pagingProblem(
  plan: RoutingPlan,
  item: RoutedEntity,
): ObservabilityProblem | undefined {
  if (!hasSloAlerts(item.spec)) {
    return undefined;
  }
  const entityRef = entityIdentity(item.entity).entityRef;
  const team = alertTeamOf(item.entity);
  const page = whoGetsPaged(plan, { entityRef, team })[0];
  if (page.pages) {
    return undefined;
  }
  const where = team
    ? `its owner ${alertOwnerRef(item.entity)} (or this entity)`
    : 'this entity (it has no owner)';
  return {
    severity: 'warning',
    annotation: ANNOTATION_PAGERDUTY_INTEGRATION_KEY,
    path: '',
    message: `pages of this entity reach ${page.description}, not a pager: add ${ANNOTATION_PAGERDUTY_INTEGRATION_KEY} (or ${ANNOTATION_PAGER_SECRET}) to ${where}`,
  };
}
