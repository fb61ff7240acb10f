/*
 * The plugin's HTTP API (DESIGN §6), one file per area: translates requests into service calls,
 * nothing more. Errors are thrown as @backstage/errors types or as the signals' typed upstream
 * errors (which carry their 502/504 `statusCode`); the framework's error handler answers them.
 */
import express from 'express';
import Router from 'express-promise-router';
import { alertRoutes } from './alertRoutes';
import { catalogSloRoutes } from './catalogSloRoutes';
import { configRoutes } from './configRoutes';
import { logRoutes } from './logRoutes';
import { metricsRoutes } from './metricsRoutes';
import {
  ProvisioningRouteDependencies,
  provisioningRoutes,
} from './provisioningRoutes';
import { ReleaseRouteDependencies, releaseRoutes } from './releaseRoutes';
import { RouteDependencies } from './routeSupport';
import { sloRoutes } from './sloRoutes';
import { traceRoutes } from './traceRoutes';
import { validateRoutes } from './validateRoutes';

/** What the router needs. */
export type RouterOptions = RouteDependencies &
  ProvisioningRouteDependencies &
  ReleaseRouteDependencies;

/** Creates the router of `/api/observability`. */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const router = Router();
  router.use(express.json());
  router.use(configRoutes(options));
  router.use(sloRoutes(options));
  router.use(alertRoutes(options));
  router.use(logRoutes(options));
  router.use(traceRoutes(options));
  router.use(metricsRoutes(options));
  router.use(catalogSloRoutes(options));
  router.use(provisioningRoutes(options));
  router.use(validateRoutes(options));

  router.use(releaseRoutes(options));
  return router;
}
