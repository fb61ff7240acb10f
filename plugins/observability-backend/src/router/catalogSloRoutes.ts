/*
 * `GET /slos?owner&offset&limit`: the SLOs of every entity the caller may see, paginated.
 */
import { SloSummaryResponse } from '@lookout/plugin-observability-common';
import { runAsCaller } from '../signals/upstream/callerContext';
import Router from 'express-promise-router';
import { z } from 'zod';
import { limitParam, offsetParam } from './queryParams';
import { RouteDependencies, parseQuery } from './routeSupport';

/** Rows per page: default and cap. */
export const SUMMARY_LIMIT = { default: 50, max: 500 };

const summaryParams = z.object({
  owner: z.string().min(1).optional(),
  offset: offsetParam,
  limit: limitParam(SUMMARY_LIMIT.default, SUMMARY_LIMIT.max),
});

/** @internal */
export function catalogSloRoutes(deps: RouteDependencies) {
  const router = Router();
  router.get('/slos', async (req, res) => {
    const credentials = await deps.httpAuth.credentials(req);
    const query = parseQuery(summaryParams, req.query);
    const body: SloSummaryResponse = await runAsCaller(credentials, () =>
      deps.signals.sloSummary.getSummary(query, credentials),
    );
    res.json(body);
  });
  return router;
}
