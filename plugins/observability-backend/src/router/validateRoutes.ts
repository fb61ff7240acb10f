/*
 * `POST /validate`: annotations in, every problem the catalog's parser finds out, so a form can
 * validate them before they are written (DESIGN §10). Nothing is read or stored; the caller only
 * needs to be authenticated.
 */
import { parseEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  parseObservabilitySpec,
  ValidateAnnotationsResponse,
} from '@lookout/plugin-observability-common';
import Router from 'express-promise-router';
import { z } from 'zod';
import { parseQuery, RouteDependencies } from './routeSupport';

const bodySchema = z.object({
  annotations: z.record(z.string(), z.unknown()),
  entityRef: z.string().optional(),
});

function entityNameOf(entityRef: string | undefined) {
  if (entityRef === undefined) {
    return { kind: 'Component', namespace: 'default', name: 'unnamed' };
  }
  try {
    return parseEntityRef(entityRef, {
      defaultKind: 'Component',
      defaultNamespace: 'default',
    });
  } catch (error) {
    throw new InputError(
      `entityRef: ${JSON.stringify(
        entityRef,
      )} is not an entity ref; expected kind:namespace/name, e.g. component:default/checkout`,
    );
  }
}

/** @internal */
export function validateRoutes(
  deps: Pick<RouteDependencies, 'httpAuth' | 'parseOptions'>,
) {
  const router = Router();
  router.post('/validate', async (req, res) => {
    await deps.httpAuth.credentials(req);
    const body = parseQuery(bodySchema, req.body, 'body');
    const { kind, namespace, name } = entityNameOf(body.entityRef);
    const { problems } = parseObservabilitySpec(
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind,
        // Non-string values are kept: the parser reports them as problems.
        metadata: {
          name,
          namespace,
          annotations: body.annotations as Record<string, string>,
        },
      },
      deps.parseOptions,
    );
    const response: ValidateAnnotationsResponse = { problems };
    res.json(response);
  });
  return router;
}
