/*
 * `GET .../alerts`: the entity's active alerts (Alertmanager, or Prometheus without one).
 */
import { EntityAlertsResponse } from '@lookout/plugin-observability-common';
import Router from 'express-promise-router';
import { ENTITY_PATH, RouteDependencies, specOfRequest } from './routeSupport';

/** @internal */
export function alertRoutes(deps: RouteDependencies) {
  const router = Router();
  router.get(`${ENTITY_PATH}/alerts`, async (req, res) => {
    const spec = await specOfRequest(req, deps);
    const body: EntityAlertsResponse =
      await deps.signals.alerts.getEntityAlerts(spec);
    res.json(body);
  });
  return router;
}
