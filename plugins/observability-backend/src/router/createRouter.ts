/*
 * The plugin's HTTP API (DESIGN §6): translates requests into service calls, nothing more.
 * Errors are thrown as @backstage/errors types; the framework's error handler answers them.
 */
import { HttpAuthService } from '@backstage/backend-plugin-api';
import { CompoundEntityRef } from '@backstage/catalog-model';
import {
  EntityConfigResponse,
  ParseOptions,
  parseObservabilitySpec,
} from '@lookout/plugin-observability-common';
import express from 'express';
import Router from 'express-promise-router';
import { EntityLookup } from '../entities/EntityLookup';

/** What the router needs. */
export interface RouterOptions {
  httpAuth: HttpAuthService;
  entities: EntityLookup;
  parseOptions: ParseOptions;
}

function entityRefOf(req: express.Request): CompoundEntityRef {
  return {
    kind: req.params.kind,
    namespace: req.params.namespace,
    name: req.params.name,
  };
}

/** Creates the router of `/api/observability`. */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { httpAuth, entities, parseOptions } = options;
  const router = Router();
  router.use(express.json());

  const entityRoutes = Router({ mergeParams: true });
  router.use('/entities/by-name/:kind/:namespace/:name', entityRoutes);

  entityRoutes.get('/config', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const entity = await entities.get(entityRefOf(req), credentials);
    const { spec, problems } = parseObservabilitySpec(entity, parseOptions);
    const body: EntityConfigResponse = {
      entityRef: spec.entityRef,
      spec,
      problems,
    };
    res.json(body);
  });

  return router;
}
