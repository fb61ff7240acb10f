/*
 * The reconciler's loop, its I/O: one run reads the annotated entities from the catalog, renders
 * those that changed, hands the changed renders to every sink, removes what belongs to entities
 * that are gone, and records per entity and sink what happened. What to do is decided by the pure
 * plan (`reconcilePlan.ts`), how the records move by the pure transitions (`stateTransitions.ts`). Incremental at two levels: an unchanged
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
} from '@lookout/plugin-observability-node';
import {
  EntityStateWithSinks,
  ProvisioningStore,
  StateChanges,
} from '../database/types';
import { streamAnnotatedEntities } from './annotatedEntities';
import {
  EntityPipeline,
  PreparedEntity,
  RenderOutcome,
} from './EntityPipeline';
import { renderHash } from './hashing';
import {
  fullSyncNow,
  needsRender,
  planKeep,
  planRemovals,
  planUpserts,
  RenderedEntity,
} from './reconcilePlan';
import { RetryPolicy } from './retryPolicy';
import {
  afterDrift,
  afterRemovals,
  afterRender,
  afterSinkAttempt,
  Outcome,
  outcomesOf,
} from './stateTransitions';

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

/** Applies changes to a sink; what it throws is returned (it fails every entity of the batch). */
async function applySafely(
  sink: ProvisioningSink,
  changes: SinkChanges,
): Promise<SinkApplyResult | Error> {
  try {
    return await sink.apply(changes);
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

/** Runs reconciliations; one instance per backend. */
export class Reconciler {
  private lastFullSync?: number;
  private hasRendered = false;
  private previousRefs?: Set<string>;
  private readonly clock: () => number;
  private readonly sinkNames: string[];

  constructor(private readonly options: ReconcilerOptions) {
    this.clock = options.clock ?? Date.now;
    this.sinkNames = options.sinks.map(sink => sink.name);
  }

  /** One reconciliation. Throws only when the catalog or the database fail. */
  async reconcile(signal?: AbortSignal): Promise<ReconcileSummary> {
    const started = this.clock();
    const { catalog, auth, store, pipeline } = this.options;
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
        if (this.needsWork(prepared, previous, rerender, started)) {
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

    await this.processRemovals(states, seen, summary, signal);

    const fullSync = fullSyncNow({
      lastFullSync: this.lastFullSync,
      now: started,
      intervalMs: this.options.fullSyncIntervalMs,
      previousRefs: this.previousRefs,
      seen,
    });
    this.previousRefs = seen;
    if (fullSync) {
      summary.fullSync = true;
      await this.fullSync(summary, signal);
      this.lastFullSync = started;
    }
    summary.durationMs = this.clock() - started;
    return summary;
  }

  private needsWork(
    prepared: PreparedEntity,
    previous: EntityStateWithSinks | undefined,
    rerender: boolean,
    now: number,
  ): boolean {
    return (
      rerender || needsRender(prepared.inputHash, previous, this.sinkNames, now)
    );
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
      if (this.needsWork(prepared, previous, run.rerender, run.started)) {
        batch.push({ prepared, previous, outcome: { ok: true, render, hash } });
      }
    }
    await this.processBatch(batch, summary, signal);
  }

  /** Renders a batch, hands each sink the renders it lacks, and records what happened. */
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
    const { retry } = this.options;
    const changes: Required<Pick<StateChanges, 'entities' | 'sinks'>> = {
      entities: [],
      sinks: [],
    };
    const rendered: RenderedEntity[] = [];

    for (const work of batch) {
      const { prepared, previous } = work;
      // Rendering is synchronous CPU work: let requests in between entities.
      await new Promise(resolve => setImmediate(resolve));
      const outcome = work.outcome ?? this.options.pipeline.render(prepared);
      const entityState = afterRender(prepared, previous, outcome, now, retry);
      if (entityState) {
        changes.entities.push(entityState);
      }
      if (!outcome.ok) {
        summary.renderFailures += 1;
        continue;
      }
      summary.rendered += 1;
      rendered.push({
        hash: outcome.hash,
        render: outcome.render,
        previous,
      });
    }

    const previousStates = new Map(
      batch.map(work => [work.prepared.entityRef, work.previous]),
    );
    await Promise.all(
      this.options.sinks.map(async sink => {
        const upserts = planUpserts(sink.name, rendered, now);
        if (upserts.length === 0) {
          return;
        }
        summary.upserts += upserts.length;
        const outcomes = outcomesOf(
          sink.name,
          upserts.map(u => u.entityRef),
          await applySafely(sink, { upserts, removals: [], signal }),
        );
        for (const upsert of upserts) {
          const outcome = outcomes.get(upsert.entityRef)!;
          if (!outcome.ok) {
            if (signal?.aborted) {
              // Stopped midway (shutdown or timeout): not a failure; the next run retries.
              continue;
            }
            summary.sinkFailures += 1;
          }
          const previous = previousStates
            .get(upsert.entityRef)
            ?.sinks.get(sink.name);
          changes.sinks.push({
            entityRef: upsert.entityRef,
            ...afterSinkAttempt(
              sink.name,
              previous,
              upsert.hash,
              outcome,
              now,
              retry,
            ),
          });
        }
      }),
    );
    await this.options.store.save(changes);
    signal?.throwIfAborted();
  }

  /**
   * Removes the objects of entities that left the catalog (or lost their annotations), and drops
   * the records of sinks that are no longer configured.
   */
  private async processRemovals(
    states: Map<string, EntityStateWithSinks>,
    seen: Set<string>,
    summary: ReconcileSummary,
    signal?: AbortSignal,
  ): Promise<void> {
    const now = this.clock();
    const plan = planRemovals(states, seen, this.sinkNames, now);
    if (plan.gone.length === 0 && plan.forgotten.length === 0) {
      return;
    }
    signal?.throwIfAborted();
    const outcomes = new Map<string, Map<string, Outcome>>();
    await Promise.all(
      this.options.sinks.map(async sink => {
        const removals = plan.bySink.get(sink.name) ?? [];
        if (removals.length === 0) {
          return;
        }
        summary.removals += removals.length;
        const result = outcomesOf(
          sink.name,
          removals.map(r => r.entityRef),
          await applySafely(sink, { upserts: [], removals, signal }),
        );
        if (!signal?.aborted) {
          summary.sinkFailures += [...result.values()].filter(
            o => !o.ok,
          ).length;
        }
        outcomes.set(sink.name, result);
      }),
    );
    await this.options.store.save(
      afterRemovals({
        states,
        plan,
        outcomes,
        aborted: signal?.aborted ?? false,
        now,
        retry: this.options.retry,
      }),
    );
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
    const changes: Required<Pick<StateChanges, 'sinks'>> = { sinks: [] };
    await Promise.all(
      this.options.sinks.map(async sink => {
        const result = await applySafely(sink, {
          upserts: [],
          removals: [],
          keep: planKeep(sink.name, states),
          signal,
        });
        if (result instanceof Error) {
          this.options.logger.warn(`Full sync of sink ${sink.name} failed`, {
            sink: sink.name,
            error: result.message,
          });
          return;
        }
        summary.pruned += result.pruned?.length ?? 0;
        changes.sinks.push(
          ...afterDrift(sink.name, states, result.drifted ?? []),
        );
      }),
    );
    await this.options.store.save(changes);
  }
}
