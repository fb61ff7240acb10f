/*
 * Where an entity lives outside Grafana: its Backstage entity page, its owner.
 */
import { Entity, parseEntityRef } from '@backstage/catalog-model';

/** URL of the entity's page in Backstage (`/catalog/:namespace/:kind/:name`). @public */
export function entityPageUrl(
  backstageBaseUrl: string,
  entityRef: string,
): string {
  const { kind, namespace, name } = parseEntityRef(entityRef);
  const base = backstageBaseUrl.replace(/\/+$/, '');
  return `${base}/catalog/${encodeURIComponent(namespace)}/${encodeURIComponent(
    kind,
  )}/${encodeURIComponent(name)}`;
}

/**
 * Name of the entity's owner (`spec.owner`, e.g. `group:default/team-shop` → `team-shop`), or
 * undefined when it has none.
 * @public
 */
export function ownerName(entity: Entity): string | undefined {
  const owner = entity.spec?.owner;
  if (typeof owner !== 'string' || owner.trim() === '') {
    return undefined;
  }
  try {
    return parseEntityRef(owner.trim(), {
      defaultKind: 'group',
      defaultNamespace: entity.metadata.namespace ?? 'default',
    }).name;
  } catch {
    return undefined;
  }
}
