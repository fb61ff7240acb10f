/*
 * The reconciler: one run reads the annotated entities from the catalog, renders those that
 * changed, hands the changed renders to every sink, removes what belongs to entities that are
 * gone, and records per entity and sink what happened. Incremental at two levels: an unchanged
 * entity is not rendered again (input hash), an unchanged render is not written again (render
 * hash). A failing entity or sink is recorded with a back-off and never stops the others.
 *
 * The first run of a process renders every entity again (a new version of the render engine may
 * render differently; unchanged output still costs no writes). Full syncs let each sink prune
 * Lookout's objects that no entity owns and report objects that went missing; one is due at
 * start and then every `fullSyncIntervalMs`, and runs once the catalog has settled (the same
 * annotated entities in two runs in a row), so a catalog still loading after a restart never
 * makes a sink prune what it is about to write again.
 *
 * Runs are serialised by the scheduler (a global task), so one run at a time touches the sinks
 * and the state across all replicas. Rendering yields to the event loop between entities, so a
 * large run never stalls the backend's requests.
 */
import {
  AuthService,
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  alertOwnerRef,
  hasSloAlerts,
  RoutedEntity,
} from '@lookout/plugin-observability-common';
import {
  ProvisioningSink,
  SinkApplyResult,
  SinkChanges,
  SinkUpsert,
} from '@lookout/plugin-observability-node';
import {
  EntityState,
  EntityStateWithSinks,
  ProvisioningStore,
  SinkState,
  StateChanges,
} from '../database/types';
import { streamAnnotatedEntities } from './annotatedEntities';
import {
  EntityPipeline,
  PreparedEntity,
  RenderOutcome,
} from './EntityPipeline';
import { renderHash } from './hashing';
import { nextAttemptAt, RetryPolicy } from './retryPolicy';

/** What a run did. */
export interface ReconcileSummary {
  /** Annotated entities in the catalog. */
  entities: number;
  /** Entities rendered this run. */
  rendered: number;
  /** Entities that could not be rendered. */
  renderFailures: number;
  /** Upserts handed to sinks (entity × sink). */
  upserts: number;
  /** Removals handed to sinks (entity × sink). */
  removals: number;
  /** Upserts and removals that failed (entity × sink). */
  sinkFailures: number;
  /** Objects pruned on a full sync, per sink. */
  pruned: number;
  fullSync: boolean;
  /** Whether every entity was rendered again (the first run of a process). */
  rerender: boolean;
  durationMs: number;
}

/** What the reconciler needs. */
export interface ReconcilerOptions {
  catalog: CatalogService;
  auth: AuthService;
  store: ProvisioningStore;
  sinks: ProvisioningSink[];
  pipeline: EntityPipeline;
  logger: LoggerService;
  retry: RetryPolicy;
  /** Full sync interval in ms (orphans pruned, missing objects provisioned again). */
  fullSyncIntervalMs: number;
  /** Entities rendered and handed to the sinks together. Default 200. */
  batchSize?: number;
  /** Catalog page size. Default 500. */
  pageSize?: number;
  clock?: () => number;
}

interface Work {
  prepared: PreparedEntity;
  previous?: EntityStateWithSinks;
  /** Rendered already (the routing objects of a team). */
  outcome?: RenderOutcome;
}

function emptySummary(fullSync: boolean, rerender: boolean): ReconcileSummary {
  return {
    entities: 0,
    rendered: 0,
    renderFailures: 0,
    upserts: 0,
    removals: 0,
    sinkFailures: 0,
    pruned: 0,
    fullSync,
    rerender,
    durationMs: 0,
  };
}

/** Applies changes to a sink; a sink that throws fails every entity of the batch. */
async function applySafely(
  sink: ProvisioningSink,
  changes: SinkChanges,
): Promise<SinkApplyResult> {
  try {
    return await sink.apply(changes);
  } catch (error) {
    const failure = error instanceof Error ? error : new Error(String(error));
    return {
      outcomes: [...changes.upserts, ...changes.removals].map(
        ({ entityRef }) => ({
          entityRef,
          ok: false as const,
          error: failure,
        }),
      ),
    };
  }
}

/** Runs reconciliations; one instance per backend. */
export class Reconciler {
  private lastFullSync?: number;
  private hasRendered = false;
  private previousRefs?: Set<string>;
  private readonly clock: () => number;

  constructor(private readonly options: ReconcilerOptions) {
    this.clock = options.clock ?? Date.now;
  }

  /** One reconciliation. Throws only when the catalog or the database fail. */
  async reconcile(signal?: AbortSignal): Promise<ReconcileSummary> {
    const started = this.clock();
    const { catalog, auth, store, pipeline } = this.options;
    const fullSyncDue =
      this.lastFullSync === undefined ||
      started - this.lastFullSync >= this.options.fullSyncIntervalMs;
    const rerender = !this.hasRendered;
    const summary = emptySummary(false, rerender);

    const states = await store.listStates();
    const seen = new Set<string>();
    const credentials = await auth.getOwnServiceCredentials();
    let batch: Work[] = [];
    const routed: RoutedEntity[] = [];

    for await (const page of streamAnnotatedEntities(
      catalog,
      credentials,
      this.options.pageSize,
    )) {
      signal?.throwIfAborted();
      for (const entity of page) {
        const prepared = await pipeline.prepare(entity);
        if (seen.has(prepared.entityRef)) {
          continue;
        }
        seen.add(prepared.entityRef);
        summary.entities += 1;
        routed.push(pipeline.routedEntity(entity));
        const previous = states.get(prepared.entityRef);
        if (rerender || this.needsWork(prepared, previous, started)) {
          batch.push({ prepared, previous });
        }
        if (batch.length >= (this.options.batchSize ?? 200)) {
          await this.processBatch(batch, summary, signal);
          batch = [];
        }
      }
    }
    await this.processBatch(batch, summary, signal);
    await this.processRouting(
      routed,
      { seen, states, rerender, started, credentials },
      summary,
      signal,
    );
    this.hasRendered = true;

    const gone = [...states.values()].filter(
      state => !seen.has(state.entityRef),
    );
    await this.processRemovals(gone, summary, signal);

    const settled =
      this.previousRefs !== undefined &&
      this.previousRefs.size === seen.size &&
      [...seen].every(ref => this.previousRefs!.has(ref));
    this.previousRefs = seen;
    if (fullSyncDue && settled) {
      summary.fullSync = true;
      await this.fullSync(summary, signal);
      this.lastFullSync = started;
    }
    summary.durationMs = this.clock() - started;
    return summary;
  }

  /** Whether an entity needs rendering: it changed, or a sink still lacks its last render. */
  private needsWork(
    prepared: PreparedEntity,
    previous: EntityStateWithSinks | undefined,
    now: number,
  ): boolean {
    if (!previous || previous.inputHash !== prepared.inputHash) {
      return true;
    }
    if (previous.renderError !== undefined) {
      // Retry transient render failures after their back-off; others wait for an edit.
      return (
        previous.nextAttemptAt !== undefined && previous.nextAttemptAt <= now
      );
    }
    return this.options.sinks.some(sink => {
      const state = previous.sinks.get(sink.name);
      if (!state) {
        return true;
      }
      if (state.state === 'ok' && state.hash === previous.renderHash) {
        return false;
      }
      return state.nextAttemptAt === undefined || state.nextAttemptAt <= now;
    });
  }

  /**
   * The routing objects of the owning teams, provisioned like entities (named after the Group's
   * ref): rendered from the entities and their owners' Group entities (read with the plugin's
   * own credentials), written when they changed, removed with the last entity a team owns.
   */
  private async processRouting(
    routed: RoutedEntity[],
    run: {
      seen: Set<string>;
      states: Map<string, EntityStateWithSinks>;
      rerender: boolean;
      started: number;
      credentials: BackstageCredentials;
    },
    summary: ReconcileSummary,
    signal?: AbortSignal,
  ): Promise<void> {
    const ownerRefs = [
      ...new Set(
        routed
          .filter(item => hasSloAlerts(item.spec))
          .map(item => alertOwnerRef(item.entity))
          .filter((ref): ref is string => ref !== undefined),
      ),
    ].sort();
    const groups = new Map<string, Entity>();
    if (ownerRefs.length > 0) {
      const { items } = await this.options.catalog.getEntitiesByRefs(
        { entityRefs: ownerRefs },
        { credentials: run.credentials },
      );
      for (const item of items) {
        if (item) {
          groups.set(stringifyEntityRef(item), item);
        }
      }
    }
    const batch: Work[] = [];
    for (const render of this.options.pipeline.routingRenders(routed, ref =>
      groups.get(ref),
    )) {
      if (run.seen.has(render.entityRef)) {
        continue;
      }
      run.seen.add(render.entityRef);
      const hash = renderHash(render);
      const prepared: PreparedEntity = {
        entity: groups.get(render.entityRef) ?? {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Group',
          metadata: { name: render.slug },
        },
        entityRef: render.entityRef,
        slug: render.slug,
        inputHash: hash,
      };
      const previous = run.states.get(render.entityRef);
      if (run.rerender || this.needsWork(prepared, previous, run.started)) {
        batch.push({ prepared, previous, outcome: { ok: true, render, hash } });
      }
    }
    await this.processBatch(batch, summary, signal);
  }

  private async processBatch(
    batch: Work[],
    summary: ReconcileSummary,
    signal?: AbortSignal,
  ): Promise<void> {
    if (batch.length === 0) {
      return;
    }
    signal?.throwIfAborted();
    const now = this.clock();
    const changes: StateChanges = { entities: [], sinks: [] };
    const rendered: Array<{
      work: Work;
      hash: string;
      upsert: Omit<SinkUpsert, 'previousObjects'>;
    }> = [];

    for (const work of batch) {
      const { prepared, previous } = work;
      // Rendering is synchronous CPU work: let requests in between entities.
      await new Promise(resolve => setImmediate(resolve));
      const outcome = work.outcome ?? this.options.pipeline.render(prepared);
      const base: EntityState = {
        entityRef: prepared.entityRef,
        slug: prepared.slug,
        inputHash: prepared.inputHash,
        renderHash: previous?.renderHash,
        attempts: 0,
        updatedAt: now,
      };
      if (!outcome.ok) {
        summary.renderFailures += 1;
        const attempts = (previous?.attempts ?? 0) + 1;
        changes.entities!.push({
          ...base,
          renderError: outcome.error,
          attempts,
          nextAttemptAt: outcome.transient
            ? nextAttemptAt(now, attempts, this.options.retry)
            : undefined,
        });
        continue;
      }
      summary.rendered += 1;
      const entityState = { ...base, renderHash: outcome.hash };
      if (!sameEntityState(previous, entityState)) {
        changes.entities!.push(entityState);
      }
      rendered.push({
        work,
        hash: outcome.hash,
        upsert: {
          entityRef: prepared.entityRef,
          slug: prepared.slug,
          hash: outcome.hash,
          render: outcome.render,
        },
      });
    }

    const previousStates = new Map(
      batch.map(work => [work.prepared.entityRef, work.previous]),
    );
    await Promise.all(
      this.options.sinks.map(async sink => {
        const upserts: SinkUpsert[] = [];
        for (const { work, hash, upsert } of rendered) {
          const state = work.previous?.sinks.get(sink.name);
          if (state?.state === 'ok' && state.hash === hash) {
            continue;
          }
          const waiting =
            state?.targetHash === hash &&
            state.nextAttemptAt !== undefined &&
            state.nextAttemptAt > now;
          if (!waiting) {
            upserts.push({ ...upsert, previousObjects: state?.objects ?? [] });
          }
        }
        if (upserts.length === 0) {
          return;
        }
        summary.upserts += upserts.length;
        const result = await applySafely(sink, {
          upserts,
          removals: [],
          signal,
        });
        const byRef = new Map(result.outcomes.map(o => [o.entityRef, o]));
        for (const upsert of upserts) {
          const outcome = byRef.get(upsert.entityRef) ?? {
            ok: false as const,
            error: new Error(
              `sink ${sink.name} reported no outcome for the entity`,
            ),
          };
          const state = previousStates
            .get(upsert.entityRef)
            ?.sinks.get(sink.name);
          if (!outcome.ok) {
            if (signal?.aborted) {
              // Stopped midway (shutdown or timeout): not a failure; the next run retries.
              continue;
            }
            summary.sinkFailures += 1;
          }
          changes.sinks!.push({
            entityRef: upsert.entityRef,
            ...this.nextSinkState(sink.name, state, upsert.hash, outcome, now),
          });
        }
      }),
    );
    await this.options.store.save(changes);
    signal?.throwIfAborted();
  }

  /** The sink's record after an attempt at `targetHash` (undefined for a removal). */
  private nextSinkState(
    sink: string,
    state: SinkState | undefined,
    targetHash: string | undefined,
    outcome: { ok: true; objects: string[] } | { ok: false; error: Error },
    now: number,
  ): SinkState {
    if (outcome.ok) {
      return {
        sink,
        state: 'ok',
        hash: targetHash,
        targetHash,
        objects: outcome.objects,
        attempts: 0,
        lastAttemptAt: now,
        lastSuccessAt: now,
      };
    }
    const attempts = (state?.attempts ?? 0) + 1;
    return {
      sink,
      state: 'error',
      hash: state?.hash,
      targetHash,
      objects: state?.objects ?? [],
      error: outcome.error.message,
      attempts,
      lastAttemptAt: now,
      lastSuccessAt: state?.lastSuccessAt,
      nextAttemptAt: nextAttemptAt(now, attempts, this.options.retry),
    };
  }

  /** Removes the objects of entities that left the catalog (or lost their annotations). */
  private async processRemovals(
    gone: EntityStateWithSinks[],
    summary: ReconcileSummary,
    signal?: AbortSignal,
  ): Promise<void> {
    if (gone.length === 0) {
      return;
    }
    signal?.throwIfAborted();
    const now = this.clock();
    const configured = new Set(this.options.sinks.map(s => s.name));
    const changes: StateChanges = {
      sinks: [],
      deletedSinks: [],
      deletedEntities: [],
    };
    const remaining = new Map(
      gone.map(state => [state.entityRef, new Set<string>()]),
    );

    for (const state of gone) {
      for (const name of state.sinks.keys()) {
        if (!configured.has(name)) {
          changes.deletedSinks!.push({
            entityRef: state.entityRef,
            sink: name,
          });
        } else {
          remaining.get(state.entityRef)!.add(name);
        }
      }
    }

    await Promise.all(
      this.options.sinks.map(async sink => {
        const removals = gone
          .map(state => ({ state, sinkState: state.sinks.get(sink.name) }))
          .filter(
            ({ sinkState }) =>
              sinkState !== undefined &&
              !(
                sinkState.targetHash === undefined &&
                sinkState.nextAttemptAt !== undefined &&
                sinkState.nextAttemptAt > now
              ),
          );
        if (removals.length === 0) {
          return;
        }
        summary.removals += removals.length;
        const result = await applySafely(sink, {
          upserts: [],
          removals: removals.map(({ state, sinkState }) => ({
            entityRef: state.entityRef,
            slug: state.slug,
            previousObjects: sinkState!.objects,
          })),
          signal,
        });
        const byRef = new Map(result.outcomes.map(o => [o.entityRef, o]));
        for (const { state, sinkState } of removals) {
          const outcome = byRef.get(state.entityRef) ?? {
            ok: false as const,
            error: new Error(
              `sink ${sink.name} reported no outcome for the removal`,
            ),
          };
          if (outcome.ok) {
            changes.deletedSinks!.push({
              entityRef: state.entityRef,
              sink: sink.name,
            });
            remaining.get(state.entityRef)!.delete(sink.name);
          } else if (!signal?.aborted) {
            summary.sinkFailures += 1;
            changes.sinks!.push({
              entityRef: state.entityRef,
              ...this.nextSinkState(
                sink.name,
                sinkState,
                undefined,
                outcome,
                now,
              ),
            });
          }
        }
      }),
    );
    for (const [entityRef, sinks] of remaining) {
      if (sinks.size === 0) {
        changes.deletedEntities!.push(entityRef);
      }
    }
    await this.options.store.save(changes);
  }

  /**
   * Tells every sink which entities it should hold, so that it prunes Lookout's objects that no
   * entity owns and reports entities whose objects went missing, which the next run provisions
   * again.
   */
  private async fullSync(
    summary: ReconcileSummary,
    signal?: AbortSignal,
  ): Promise<void> {
    const states = await this.options.store.listStates();
    const changes: StateChanges = { sinks: [] };
    await Promise.all(
      this.options.sinks.map(async sink => {
        const keep = [...states.values()].flatMap(state => {
          const sinkState = state.sinks.get(sink.name);
          return sinkState
            ? [
                {
                  entityRef: state.entityRef,
                  slug: state.slug,
                  objects: sinkState.objects,
                },
              ]
            : [];
        });
        let result: SinkApplyResult;
        try {
          result = await sink.apply({
            upserts: [],
            removals: [],
            keep,
            signal,
          });
        } catch (error) {
          this.options.logger.warn(`Full sync of sink ${sink.name} failed`, {
            sink: sink.name,
            error: (error as Error).message,
          });
          return;
        }
        summary.pruned += result.pruned?.length ?? 0;
        for (const entityRef of result.drifted ?? []) {
          const sinkState = states.get(entityRef)?.sinks.get(sink.name);
          if (sinkState) {
            changes.sinks!.push({
              entityRef,
              ...sinkState,
              state: 'pending',
              hash: undefined,
              nextAttemptAt: undefined,
            });
          }
        }
      }),
    );
    await this.options.store.save(changes);
  }
}

function sameEntityState(
  previous: EntityState | undefined,
  next: EntityState,
): boolean {
  return (
    previous !== undefined &&
    previous.inputHash === next.inputHash &&
    previous.renderHash === next.renderHash &&
    previous.renderError === undefined &&
    previous.attempts === 0 &&
    previous.slug === next.slug
  );
}
