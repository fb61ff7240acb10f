/*
 * `POST /validate`: annotations in, every problem the catalog's parser finds out, so a form can
 * validate them before they are written (DESIGN §10). With `entityRef`, the annotations are set
 * over that catalog entity's own (read with the caller's credentials, 404 when not visible), as
 * the scaffolder action will write them, so entity-wide checks (its owner, SLO names already
 * taken) see the real entity; without it, over an entity `component:default/unnamed` that has
 * nothing else. Nothing is stored.
 */
import { Entity, parseEntityRef } from '@backstage/catalog-model';
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

function entityNameOf(entityRef: string) {
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
  deps: Pick<RouteDependencies, 'httpAuth' | 'entities' | 'parseOptions'>,
) {
  const router = Router();
  router.post('/validate', async (req, res) => {
    const credentials = await deps.httpAuth.credentials(req);
    const body = parseQuery(bodySchema, req.body, 'body');
    const entity: Entity = body.entityRef
      ? await deps.entities.get(entityNameOf(body.entityRef), credentials)
      : {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Component',
          metadata: { name: 'unnamed', namespace: 'default' },
        };
    const { problems } = parseObservabilitySpec(
      {
        ...entity,
        metadata: {
          ...entity.metadata,
          // Non-string values are kept: the parser reports them as problems.
          annotations: {
            ...entity.metadata.annotations,
            ...(body.annotations as Record<string, string>),
          },
        },
      },
      deps.parseOptions,
    );
    const response: ValidateAnnotationsResponse = { problems };
    res.json(response);
  });
  return router;
}
