/*
 * `GET .../traces?q&from&to&limit` (a TraceQL condition and-ed with the entity's service) and
 * `GET .../traces/:traceId` (404 unless the trace has spans of the entity's service).
 */
import { InputError } from '@backstage/errors';
import {
  EntityTracesResponse,
  TraceResponse,
} from '@lookout/plugin-observability-common';
import Router from 'express-promise-router';
import { z } from 'zod';
import { isTraceIdParam } from '../signals/tempo/traceIds';
import { resolveRange } from '../signals/timeRange';
import { limitParam, timeRangeParams } from './queryParams';
import {
  ENTITY_PATH,
  RouteDependencies,
  parseQuery,
  signalRequest,
} from './routeSupport';

/** Traces per search: default and cap. */
export const TRACE_LIMIT = { default: 20, max: 500 };
/** Default and longest time range of a search (Tempo's default `max_duration` is 168h). */
export const TRACE_RANGE = {
  defaultSpanMs: 3_600_000,
  maxSpanMs: 7 * 86_400_000,
};

const traceSearchParams = timeRangeParams.extend({
  q: z.string().optional().default(''),
  limit: limitParam(TRACE_LIMIT.default, TRACE_LIMIT.max),
});

/** @internal */
export function traceRoutes(deps: RouteDependencies) {
  const router = Router();
  router.get(`${ENTITY_PATH}/traces`, async (req, res) => {
    const { spec, asCaller } = await signalRequest(req, deps);
    const params = parseQuery(traceSearchParams, req.query);
    const body: EntityTracesResponse = await asCaller(() =>
      deps.signals.traces.searchEntityTraces(spec, {
        q: params.q,
        range: resolveRange(params, TRACE_RANGE),
        limit: params.limit,
      }),
    );
    res.json(body);
  });

  router.get(`${ENTITY_PATH}/traces/:traceId`, async (req, res) => {
    const { spec, asCaller } = await signalRequest(req, deps);
    const { traceId } = req.params;
    if (!isTraceIdParam(traceId)) {
      throw new InputError('traceId must be 1 to 32 hexadecimal characters');
    }
    const body: TraceResponse = await asCaller(() =>
      deps.signals.traces.getEntityTrace(spec, traceId),
    );
    res.json(body);
  });
  return router;
}
