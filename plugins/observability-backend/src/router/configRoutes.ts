/*
 * `GET .../config`: the entity's parsed Lookout annotations, every problem found in them, and
 * where its alerts go (`paging`: per severity, the receiver the generated routing sends it to).
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
    const { entity, spec, problems } = await entityOfRequest(req, deps);
    const paging = await deps.paging?.paging(
      entity,
      spec,
      await deps.httpAuth.credentials(req),
    );
    const body: EntityConfigResponse = {
      entityRef: spec.entityRef,
      spec,
      problems: paging?.problem ? [...problems, paging.problem] : problems,
      ...(paging && { paging: paging.routes }),
    };
    res.json(body);
  });
  return router;
}
