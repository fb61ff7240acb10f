/*
 * `GET .../metrics`: the Metrics tab of an entity (golden signals, custom panels, links and the
 * alerts of `prometheus.io/alert`). The caller must be allowed to read the entity; every query
 * runs on the server, confined to the entity's series.
 */
import { EntityMetricsResponse } from '@lookout/plugin-observability-common';
import Router from 'express-promise-router';
import { timeRangeParams } from './queryParams';
import {
  ENTITY_PATH,
  RouteDependencies,
  parseQuery,
  specOfRequest,
} from './routeSupport';

/** @internal */
export function metricsRoutes(deps: RouteDependencies) {
  const router = Router();
  router.get(`${ENTITY_PATH}/metrics`, async (req, res) => {
    const spec = await specOfRequest(req, deps);
    const range = parseQuery(timeRangeParams, req.query);
    const body: EntityMetricsResponse =
      await deps.signals.metrics.getEntityMetrics(spec, range);
    res.json(body);
  });
  return router;
}
