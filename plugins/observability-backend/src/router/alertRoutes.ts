/*
 * `GET .../alerts`: the entity's active alerts (Alertmanager, or Prometheus without one).
 */
import { EntityAlertsResponse } from '@lookout/plugin-observability-common';
import Router from 'express-promise-router';
import { ENTITY_PATH, RouteDependencies, signalRequest } from './routeSupport';

/** @internal */
export function alertRoutes(deps: RouteDependencies) {
  const router = Router();
  router.get(`${ENTITY_PATH}/alerts`, async (req, res) => {
    const { spec, asCaller } = await signalRequest(req, deps);
    const body: EntityAlertsResponse = await asCaller(() =>
      deps.signals.alerts.getEntityAlerts(spec),
    );
    res.json(body);
  });
  return router;
}
