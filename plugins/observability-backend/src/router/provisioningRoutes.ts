/*
 * `GET .../provisioning`: the per-sink provisioning status of the entity's generated objects.
 * The entity is read with the caller's credentials first, so a caller sees the status of the
 * entities the catalog lets them see, and no other.
 */
import { stringifyEntityRef } from '@backstage/catalog-model';
import { EntityProvisioningResponse } from '@lookout/plugin-observability-common';
import Router from 'express-promise-router';
import { ProvisioningStatusService } from '../provisioning/types';
import {
  ENTITY_PATH,
  entityOfRequest,
  RouteDependencies,
} from './routeSupport';

/** What the provisioning route adds to the router's dependencies. */
export interface ProvisioningRouteDependencies {
  /** Absent when provisioning is turned off (`observability.provisioning.enabled: false`). */
  provisioning?: ProvisioningStatusService;
}

/** @internal */
export function provisioningRoutes(
  deps: Pick<RouteDependencies, 'httpAuth' | 'entities' | 'parseOptions'> &
    ProvisioningRouteDependencies,
) {
  const router = Router();
  router.get(`${ENTITY_PATH}/provisioning`, async (req, res) => {
    const { entity } = await entityOfRequest(req, deps);
    const body: EntityProvisioningResponse = deps.provisioning
      ? await deps.provisioning.forEntity(entity)
      : { entityRef: stringifyEntityRef(entity), sinks: [] };
    res.json(body);
  });
  return router;
}
