/*
 * Releases (DESIGN §10): `POST .../releases` records one (permission
 * `observability.release.create` on the entity), `GET .../releases` lists them with their impact,
 * `GET .../deploy-gate` answers whether the error-budget policy lets a deploy through.
 */
import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  observabilityReleaseCreatePermission,
  parseHttpUrl,
  parseReleaseKind,
} from '@lookout/plugin-observability-common';
import Router from 'express-promise-router';
import { z } from 'zod';
import { ReleaseService } from '../releases/ReleaseService';
import { limitParam, timeParam } from './queryParams';
import {
  ENTITY_PATH,
  entityOfRequest,
  parseQuery,
  RouteDependencies,
} from './routeSupport';
import { resolveRange } from '../signals/timeRange';
import { releaseInfoMetrics } from '../releases/releaseInfoMetrics';

/** What the release routes add to the router's dependencies. */
export interface ReleaseRouteDependencies {
  permissions: PermissionsService;
  releases: ReleaseService;
  /** Releases per entity in the release-info series. */
  exportPerEntity: number;
}

const DAY_MS = 86_400_000;
const TIME_MESSAGE =
  'expected an RFC 3339 time (2026-11-25T17:00:00Z) or epoch milliseconds';
/** Longest version accepted. */
export const MAX_VERSION_LENGTH = 128;

const kindField = z.string().transform((text, ctx) => {
  const parsed = parseReleaseKind(text);
  if (!parsed.ok) {
    ctx.addIssue({ code: 'custom', message: parsed.message });
    return z.NEVER;
  }
  return parsed.value;
});

const releaseBody = z.strictObject({
  version: z
    .string({ error: 'is required: a string such as "v1.4.2"' })
    .trim()
    .min(1, 'is empty; expected a version such as "v1.4.2"')
    .max(MAX_VERSION_LENGTH, `is longer than ${MAX_VERSION_LENGTH} characters`)
    .regex(/^[^\s\p{Cc}]+$/u, 'may not contain spaces or control characters'),
  at: z
    .union([z.number(), z.string()], { error: TIME_MESSAGE })
    .transform((value, ctx) => {
      const parsed = timeParam.safeParse(
        typeof value === 'number' ? String(value) : value,
      );
      if (!parsed.success || !Number.isFinite(parsed.data)) {
        ctx.addIssue({ code: 'custom', message: TIME_MESSAGE });
        return z.NEVER;
      }
      return parsed.data;
    })
    .optional(),
  url: z
    .string()
    .transform((text, ctx) => {
      const parsed = parseHttpUrl(text);
      if (!parsed.ok) {
        ctx.addIssue({ code: 'custom', message: parsed.message });
        return z.NEVER;
      }
      return parsed.value;
    })
    .optional(),
  description: z
    .string()
    .max(2000, 'is longer than 2000 characters')
    .optional(),
  kind: kindField.optional(),
});

const listParams = z.object({
  from: timeParam.optional(),
  to: timeParam.optional(),
  limit: limitParam(50, 200),
});

const gateParams = z.object({ kind: kindField.optional() });

/** Who recorded a release: the user's entity ref, or the service's subject. */
function creatorOf(credentials: BackstageCredentials): string {
  const principal = credentials.principal as {
    type: string;
    userEntityRef?: string;
    subject?: string;
  };
  return principal.userEntityRef ?? principal.subject ?? principal.type;
}

/** @internal */
export function releaseRoutes(
  deps: RouteDependencies & ReleaseRouteDependencies,
) {
  const router = Router();

  router.post(`${ENTITY_PATH}/releases`, async (req, res) => {
    const credentials = await deps.httpAuth.credentials(req);
    const { entity, spec } = await entityOfRequest(req, deps);
    const [decision] = await deps.permissions.authorize(
      [
        {
          permission: observabilityReleaseCreatePermission,
          resourceRef: stringifyEntityRef(entity),
        },
      ],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `not allowed to record releases of ${spec.entityRef} (permission ${observabilityReleaseCreatePermission.name})`,
      );
    }
    const parsed = releaseBody.safeParse(req.body ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new InputError(
        `${issue.path.join('.') || 'body'}: ${issue.message}`,
      );
    }
    const { at, ...fields } = parsed.data;
    const { release } = await deps.releases.record({
      ...fields,
      entityRef: spec.entityRef,
      at: at ?? Date.now(),
      createdBy: creatorOf(credentials),
    });
    res.status(201).json(release);
  });

  router.get(`${ENTITY_PATH}/releases`, async (req, res) => {
    const { spec } = await entityOfRequest(req, deps);
    const { limit, ...ends } = parseQuery(listParams, req.query);
    const range = resolveRange(ends, {
      defaultSpanMs: 30 * DAY_MS,
      maxSpanMs: 400 * DAY_MS,
    });
    res.json(await deps.releases.list(spec, { ...range, limit }));
  });

  router.get(`${ENTITY_PATH}/deploy-gate`, async (req, res) => {
    const { spec } = await entityOfRequest(req, deps);
    const { kind } = parseQuery(gateParams, req.query);
    res.json(await deps.releases.deployGate(spec, kind));
  });

  // The release-info series for Prometheus to scrape (with a static service token): recent
  // releases of every entity, hence for services only, never for users.
  router.get('/releases/metrics', async (req, res) => {
    await deps.httpAuth.credentials(req, { allow: ['service'] });
    const releases = await deps.releases.recent(deps.exportPerEntity);
    res
      .type('text/plain; version=0.0.4; charset=utf-8')
      .send(releaseInfoMetrics(releases));
  });

  return router;
}
