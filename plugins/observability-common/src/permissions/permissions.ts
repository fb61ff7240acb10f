/*
 * Permissions of the observability plugins. Reads follow the catalog's own read permission
 * (a caller sees the signals of the entities the catalog shows them); writes have their own.
 */
import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Record a release of an entity (`POST .../releases`). A resource permission on the catalog
 * entity, so a policy can allow it per entity (e.g. to the entity's owners and CI's service).
 * @public
 */
export const observabilityReleaseCreatePermission = createPermission({
  name: 'observability.release.create',
  attributes: { action: 'create' },
  resourceType: 'catalog-entity',
});

/** Every permission of the observability plugins. @public */
export const observabilityPermissions = [observabilityReleaseCreatePermission];
