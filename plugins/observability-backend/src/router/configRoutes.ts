/*
 * `GET .../config`: the entity's parsed Lookout annotations and every problem found in them.
 */
import { EntityConfigResponse } from '@lookout/plugin-observability-common';
import Router from 'express-promise-router';
import {
  ENTITY_PATH,
  RouteDependencies,
  entityOfRequest,
} from './routeSupport';

/** @internal */
export function configRoutes(deps: RouteDependencies) {
  const router = Router();
  router.get(`${ENTITY_PATH}/config`, async (req, res) => {
    const { spec, problems } = await entityOfRequest(req, deps);
    const body: EntityConfigResponse = {
      entityRef: spec.entityRef,
      spec,
      problems,
    };
    res.json(body);
  });
  return router;
}
