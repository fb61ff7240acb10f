/*
 * Who owns an entity's alerts: the owner as a full ref and the `team` label Alertmanager routes
 * on (the owner's name). One home for the rule the alert rules, the routing and the entity page
 * share.
 */
import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';

/** Owner of an entity as a full ref (`group:default/team-shop`), if it has one. @public */
export function alertOwnerRef(entity: Entity): string | undefined {
  const owner = entity?.spec?.owner;
  if (typeof owner !== 'string' || owner.trim() === '') {
    return undefined;
  }
  try {
    return stringifyEntityRef(
      parseEntityRef(owner, {
        defaultKind: 'group',
        defaultNamespace: entity.metadata?.namespace ?? 'default',
      }),
    );
  } catch {
    return undefined;
  }
}

/** The `team` label of an entity's alerts: the owner's name (`team-shop`). @public */
export function alertTeamOf(entity: Entity): string | undefined {
  const owner = alertOwnerRef(entity);
  return owner ? parseEntityRef(owner).name : undefined;
}
