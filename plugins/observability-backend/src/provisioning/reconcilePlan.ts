/*
 * The reconciler's decisions, without I/O: from the catalog's entities (their input hashes and
 * renders), the stored state per entity and sink, and the clock, what each sink gets in a run:
 * which entities are rendered, which upserts and removals each sink is handed (a failure waits
 * for its back-off), which records of sinks no longer configured are dropped, what a full sync
 * keeps, and when a full sync is due.
 */
import {
  EntityRender,
  SinkKeep,
  SinkRemoval,
  SinkUpsert,
  upsertOf,
} from '@lookout/plugin-observability-node';
import { EntityStateWithSinks } from '../database/types';

/** Whether a failure's back-off still runs at `now`. */
export function backingOff(
  state: { nextAttemptAt?: number },
  now: number,
): boolean {
  return state.nextAttemptAt !== undefined && state.nextAttemptAt > now;
}

/**
 * Whether an entity must be rendered: it is new or changed (its input hash), its transient render
 * failure's back-off has passed (a failure that only an edit fixes waits for the edit), or a sink
 * lacks its last render and is not backing off.
 */
export function needsRender(
  inputHash: string,
  previous: EntityStateWithSinks | undefined,
  sinks: readonly string[],
  now: number,
): boolean {
  if (!previous || previous.inputHash !== inputHash) {
    return true;
  }
  if (previous.renderError !== undefined) {
    return previous.nextAttemptAt !== undefined && !backingOff(previous, now);
  }
  return sinks.some(sink => {
    const state = previous.sinks.get(sink);
    if (!state) {
      return true;
    }
    if (state.state === 'ok' && state.hash === previous.renderHash) {
      return false;
    }
    return !backingOff(state, now);
  });
}

/** An entity rendered in this run, with its record from before the run. */
export interface RenderedEntity {
  hash: string;
  render: EntityRender;
  previous?: EntityStateWithSinks;
}

/**
 * The upserts of a batch for one sink: the entities whose render the sink does not hold yet,
 * except those whose attempt at this very render failed and whose back-off still runs.
 */
export function planUpserts(
  sink: string,
  rendered: readonly RenderedEntity[],
  now: number,
): SinkUpsert[] {
  return rendered.flatMap(({ hash, render, previous }) => {
    const state = previous?.sinks.get(sink);
    if (state?.state === 'ok' && state.hash === hash) {
      return [];
    }
    if (state?.targetHash === hash && backingOff(state, now)) {
      return [];
    }
    return [upsertOf(render, hash, state?.objects ?? [])];
  });
}

/** The removals of a run. */
export interface RemovalPlan {
  /** The entities the catalog no longer lists (or no longer annotates). */
  gone: string[];
  /** Per configured sink, the removals it is handed (none while a failed removal backs off). */
  bySink: Map<string, SinkRemoval[]>;
  /**
   * Records of sinks that are no longer configured, for every entity: dropped without asking the
   * sink (it is gone), so nothing waits on it.
   */
  forgotten: Array<{ entityRef: string; sink: string }>;
}

/**
 * The removals of a run: the entities in `states` that the catalog no longer lists (`seen`),
 * for each configured sink that holds them; and the records of unconfigured sinks.
 */
export function planRemovals(
  states: ReadonlyMap<string, EntityStateWithSinks>,
  seen: ReadonlySet<string>,
  sinks: readonly string[],
  now: number,
): RemovalPlan {
  const configured = new Set(sinks);
  const bySink = new Map<string, SinkRemoval[]>();
  const forgotten: RemovalPlan['forgotten'] = [];
  const gone: string[] = [];
  for (const state of states.values()) {
    if (!seen.has(state.entityRef)) {
      gone.push(state.entityRef);
    }
    for (const [sink, sinkState] of state.sinks) {
      if (!configured.has(sink)) {
        forgotten.push({ entityRef: state.entityRef, sink });
        continue;
      }
      // A failed removal leaves targetHash unset: back off before asking again.
      const waiting =
        sinkState.targetHash === undefined && backingOff(sinkState, now);
      if (seen.has(state.entityRef) || waiting) {
        continue;
      }
      const removals = bySink.get(sink) ?? [];
      removals.push({
        entityRef: state.entityRef,
        slug: state.slug,
        previousObjects: sinkState.objects,
      });
      bySink.set(sink, removals);
    }
  }
  return { gone, bySink, forgotten };
}

/** What a full sync tells a sink it keeps: every entity it holds objects for. */
export function planKeep(
  sink: string,
  states: ReadonlyMap<string, EntityStateWithSinks>,
): SinkKeep[] {
  return [...states.values()].flatMap(state => {
    const sinkState = state.sinks.get(sink);
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
}

/**
 * Whether a full sync runs: one is due (none yet in this process, or the last one is
 * `intervalMs` old), and the catalog has settled (the same annotated entities as in the previous
 * run), so that a catalog still loading never makes a sink prune what it is about to write again.
 */
export function fullSyncNow(options: {
  lastFullSync?: number;
  now: number;
  intervalMs: number;
  previousRefs?: ReadonlySet<string>;
  seen: ReadonlySet<string>;
}): boolean {
  const { lastFullSync, now, intervalMs, previousRefs, seen } = options;
  const due = lastFullSync === undefined || now - lastFullSync >= intervalMs;
  const settled =
    previousRefs !== undefined &&
    previousRefs.size === seen.size &&
    [...seen].every(ref => previousRefs.has(ref));
  return due && settled;
}
