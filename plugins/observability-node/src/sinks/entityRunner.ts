/*
 * The per-entity part every sink shares: each upsert and removal runs on its own, so one failing
 * entity is reported as that entity's outcome and never fails the others; and on a full sync,
 * what belongs to none of `keep` and `upserts` is pruned and kept entities whose objects went
 * missing are reported as drifted. Sinks supply only what one entity means for their target.
 */
import { mapConcurrently } from './concurrency';
import {
  SinkApplyResult,
  SinkChanges,
  SinkEntity,
  SinkEntityOutcome,
  SinkKeep,
  SinkRemoval,
  SinkUpsert,
} from './types';

/** What a sink did for one entity. @public */
export interface EntityWritten {
  /** What the sink now holds for the entity (empty after a removal). */
  objects: string[];
  /** Whether anything was written or deleted. */
  changed: boolean;
}

/**
 * What one entity means for a sink. Either handler may return `undefined` when the sink reports
 * that entity's outcome itself later (e.g. after a reload that may still reject it); a handler
 * that throws fails only its own entity.
 *
 * @public
 */
export interface EntityHandlers {
  upsert(upsert: SinkUpsert): Promise<EntityWritten | undefined>;
  remove(removal: SinkRemoval): Promise<{ changed: boolean } | undefined>;
}

/** How a sink finds and prunes Lookout's objects on a full sync. @public */
export interface PruneTarget {
  /** The ids of the objects a kept entity holds (those of its `objects` the target lists). */
  keptIds(keep: SinkKeep): string[];
  /** The ids of the objects an upsert's render makes. */
  upsertIds(upsert: SinkUpsert): string[];
  /** The ids of the objects of this installation the target holds now. */
  listPresent(): Promise<Set<string>>;
  /** Deletes an object no entity owns; false when it turned out not to be prunable. */
  prune(id: string): Promise<boolean>;
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

async function runEach<T extends SinkEntity>(
  items: T[],
  concurrency: number,
  signal: AbortSignal | undefined,
  handle: (item: T) => Promise<EntityWritten | undefined>,
): Promise<SinkEntityOutcome[]> {
  const outcomes = await mapConcurrently(
    items,
    concurrency,
    async (item): Promise<SinkEntityOutcome | undefined> => {
      const { entityRef } = item;
      signal?.throwIfAborted();
      try {
        const written = await handle(item);
        return written && { entityRef, ok: true, ...written };
      } catch (error) {
        // Stopped midway is the whole batch's, not this entity's failure.
        signal?.throwIfAborted();
        return { entityRef, ok: false, error: asError(error) };
      }
    },
  );
  return outcomes.filter((o): o is SinkEntityOutcome => o !== undefined);
}

/**
 * Runs the upserts, then the removals, each entity on its own (at most `concurrency` at a time),
 * and returns their outcomes, upserts first. Throws only when `changes.signal` is aborted.
 *
 * @public
 */
export async function runEntityChanges(
  changes: SinkChanges,
  handlers: EntityHandlers,
  concurrency = 1,
): Promise<SinkEntityOutcome[]> {
  const { signal } = changes;
  const upserted = await runEach(changes.upserts, concurrency, signal, u =>
    handlers.upsert(u),
  );
  const removed = await runEach(
    changes.removals,
    concurrency,
    signal,
    async r => {
      const done = await handlers.remove(r);
      return done && { objects: [], changed: done.changed };
    },
  );
  return [...upserted, ...removed];
}

/**
 * On a full sync (`changes.keep` set): prunes the objects of the installation that belong to
 * none of `keep` and `upserts`, and reports the kept entities with an object missing. Nothing
 * (an empty result) on other batches.
 *
 * @public
 */
export async function pruneUnowned(
  changes: SinkChanges,
  target: PruneTarget,
): Promise<Pick<SinkApplyResult, 'pruned' | 'drifted'>> {
  if (!changes.keep) {
    return {};
  }
  const wanted = new Set([
    ...changes.keep.flatMap(k => target.keptIds(k)),
    ...changes.upserts.flatMap(u => target.upsertIds(u)),
  ]);
  const present = await target.listPresent();
  const pruned: string[] = [];
  for (const id of present) {
    if (!wanted.has(id) && (await target.prune(id))) {
      pruned.push(id);
    }
  }
  const drifted = changes.keep
    .filter(k => target.keptIds(k).some(id => !present.has(id)))
    .map(k => k.entityRef);
  return { pruned, drifted };
}

/**
 * A whole sink's batch: {@link runEntityChanges}, then {@link pruneUnowned}.
 *
 * @public
 */
export async function applyPerEntity(
  changes: SinkChanges,
  handlers: EntityHandlers & PruneTarget,
  concurrency = 1,
): Promise<SinkApplyResult> {
  const outcomes = await runEntityChanges(changes, handlers, concurrency);
  return { outcomes, ...(await pruneUnowned(changes, handlers)) };
}
