/*
 * `GET .../slos`: figures, burn rates, alerts and chart series of every SLO of the entity.
 */
import { EntitySlosResponse } from '@lookout/plugin-observability-common';
import Router from 'express-promise-router';
import { timeRangeParams } from './queryParams';
import {
  ENTITY_PATH,
  RouteDependencies,
  parseQuery,
  specOfRequest,
} from './routeSupport';

/** @internal */
export function sloRoutes(deps: RouteDependencies) {
  const router = Router();
  router.get(`${ENTITY_PATH}/slos`, async (req, res) => {
    const spec = await specOfRequest(req, deps);
    const range = parseQuery(timeRangeParams, req.query);
    const body: EntitySlosResponse = await deps.signals.slos.getEntitySlos(
      spec,
      range,
    );
    res.json(body);
  });
  return router;
}
