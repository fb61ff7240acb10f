/*
 * `GET .../slos`: figures, burn rates, alerts and chart series of every SLO of the entity, and
 * who gets paged for its alerts (so the SLOs tab still costs one request).
 */
import { EntitySlosResponse } from '@lookout/plugin-observability-common';
import Router from 'express-promise-router';
import { timeRangeParams } from './queryParams';
import {
  ENTITY_PATH,
  RouteDependencies,
  entityOfRequest,
  parseQuery,
} from './routeSupport';
import { runAsCaller } from '../signals/upstream/callerContext';

/** @internal */
export function sloRoutes(deps: RouteDependencies) {
  const router = Router();
  router.get(`${ENTITY_PATH}/slos`, async (req, res) => {
    const { entity, spec, credentials } = await entityOfRequest(req, deps);
    const range = parseQuery(timeRangeParams, req.query);
    const [slos, paging] = await runAsCaller(credentials, () =>
      Promise.all([
        deps.signals.slos.getEntitySlos(spec, range),
        deps.paging?.paging(entity, spec, credentials),
      ]),
    );
    const body: EntitySlosResponse = paging
      ? { ...slos, paging: paging.routes }
      : slos;
    res.json(body);
  });
  return router;
}
