/*
 * What every route file shares: its dependencies, the entity path, reading the entity (with the
 * caller's credentials) and its parsed annotations, and query-string parsing with zod.
 */
import { HttpAuthService } from '@backstage/backend-plugin-api';
import { CompoundEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  ObservabilitySpec,
  ParseOptions,
  parseObservabilitySpec,
} from '@lookout/plugin-observability-common';
import express from 'express';
import { z } from 'zod';
import { EntityLookup } from '../entities/EntityLookup';
import { PagingService } from '../paging/PagingService';
import { SignalServices } from '../signals/types';
import { runAsCaller } from '../signals/upstream/callerContext';

/** What the route files need. */
export interface RouteDependencies {
  httpAuth: HttpAuthService;
  entities: EntityLookup;
  parseOptions: ParseOptions;
  signals: SignalServices;
  /** Who gets paged for an entity; the config route leaves `paging` out without it. */
  paging?: PagingService;
}

/** Prefix of the entity routes. */
export const ENTITY_PATH = '/entities/by-name/:kind/:namespace/:name';

function entityRefOf(req: express.Request): CompoundEntityRef {
  return {
    kind: req.params.kind,
    namespace: req.params.namespace,
    name: req.params.name,
  };
}

/**
 * The entity of the request's path and its parsed annotations, read with the caller's
 * credentials: a NotFoundError when the caller may not see it.
 */
export async function entityOfRequest(
  req: express.Request,
  deps: Pick<RouteDependencies, 'httpAuth' | 'entities' | 'parseOptions'> &
    Partial<Pick<RouteDependencies, 'signals'>>,
) {
  const credentials = await deps.httpAuth.credentials(req);
  const entity = await deps.entities.get(entityRefOf(req), credentials);
  const parsed = deps.signals
    ? deps.signals.specs.parse(entity)
    : parseObservabilitySpec(entity, deps.parseOptions);
  return { entity, credentials, ...parsed };
}

/** Just the spec of the request's entity; see {@link entityOfRequest}. */
export async function specOfRequest(
  req: express.Request,
  deps: Pick<RouteDependencies, 'httpAuth' | 'entities' | 'parseOptions'> &
    Partial<Pick<RouteDependencies, 'signals'>>,
): Promise<ObservabilitySpec> {
  return (await entityOfRequest(req, deps)).spec;
}

/**
 * The request's entity spec, and a runner that makes the upstream requests of a signal call
 * count against the caller's share of each upstream's concurrency (see `runAsCaller`).
 */
export async function signalRequest(
  req: express.Request,
  deps: Pick<RouteDependencies, 'httpAuth' | 'entities' | 'parseOptions'> &
    Partial<Pick<RouteDependencies, 'signals'>>,
): Promise<{
  spec: ObservabilitySpec;
  asCaller: <T>(fn: () => Promise<T>) => Promise<T>;
}> {
  const { spec, credentials } = await entityOfRequest(req, deps);
  return { spec, asCaller: fn => runAsCaller(credentials, fn) };
}

/**
 * `req.query` (or, with `what: 'body'`, `req.body`) parsed with `schema`, or an InputError naming
 * the first offending parameter.
 */
export function parseQuery<S extends z.ZodType>(
  schema: S,
  query: unknown,
  what: 'query' | 'body' = 'query',
): z.output<S> {
  const result = schema.safeParse(query);
  if (result.success) {
    return result.data;
  }
  const issue = result.error.issues[0];
  const name = issue.path.length ? issue.path.join('.') : what;
  throw new InputError(`${name}: ${issue.message}`);
}
