/*
 * `GET .../logs?filter&from&to&limit&direction`: the entity's log lines. `filter` is a LogQL
 * pipeline appended to the entity's stream selector (validated by the log service).
 */
import { EntityLogsResponse } from '@lookout/plugin-observability-common';
import Router from 'express-promise-router';
import { z } from 'zod';
import { resolveRange } from '../signals/timeRange';
import { limitParam, timeRangeParams } from './queryParams';
import {
  ENTITY_PATH,
  RouteDependencies,
  parseQuery,
  signalRequest,
} from './routeSupport';

/** Lines per request: default and cap (Loki's usual `max_entries_limit_per_query`). */
export const LOG_LIMIT = { default: 100, max: 5000 };
/** Default and longest time range of a log search. */
export const LOG_RANGE = {
  defaultSpanMs: 3_600_000,
  maxSpanMs: 30 * 86_400_000,
};

const logParams = timeRangeParams.extend({
  filter: z.string().optional().default(''),
  limit: limitParam(LOG_LIMIT.default, LOG_LIMIT.max),
  direction: z.enum(['backward', 'forward']).optional().default('backward'),
});

/** @internal */
export function logRoutes(deps: RouteDependencies) {
  const router = Router();
  router.get(`${ENTITY_PATH}/logs`, async (req, res) => {
    const { spec, asCaller } = await signalRequest(req, deps);
    const params = parseQuery(logParams, req.query);
    const body: EntityLogsResponse = await asCaller(() =>
      deps.signals.logs.getEntityLogs(spec, {
        filter: params.filter,
        range: resolveRange(params, LOG_RANGE),
        limit: params.limit,
        direction: params.direction,
      }),
    );
    res.json(body);
  });
  return router;
}
