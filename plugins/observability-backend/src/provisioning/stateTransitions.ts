/*
 * How the reconciler's stored state moves, without I/O: from an entity's render outcome or a
 * sink's outcome and the previous record, the next record (failed attempts in a row, the back-off
 * before the next one, the last error, the objects held); what a removal leaves; what a drifted
 * entity becomes.
 */
import {
  SinkApplyResult,
  SinkEntityOutcome,
} from '@lookout/plugin-observability-node';
import {
  EntityState,
  EntityStateWithSinks,
  SinkState,
  StateChanges,
} from '../database/types';
import { RenderOutcome } from './EntityPipeline';
import { RemovalPlan } from './reconcilePlan';
import { nextAttemptAt, RetryPolicy } from './retryPolicy';

/** An outcome without its entity ref. */
export type Outcome =
  | { ok: true; objects: string[] }
  | { ok: false; error: Error };

/**
 * An entity's record after a render attempt, or undefined when the record stays as it is (the
 * same render of the same input, after no failure). A failure keeps the last good render hash
 * (its objects stay in place); only a transient one is retried after a back-off.
 */
export function afterRender(
  entity: { entityRef: string; slug: string; inputHash: string },
  previous: EntityState | undefined,
  outcome: RenderOutcome,
  now: number,
  retry: RetryPolicy,
): EntityState | undefined {
  const base: EntityState = {
    entityRef: entity.entityRef,
    slug: entity.slug,
    inputHash: entity.inputHash,
    renderHash: previous?.renderHash,
    attempts: 0,
    updatedAt: now,
  };
  if (!outcome.ok) {
    const attempts = (previous?.attempts ?? 0) + 1;
    return {
      ...base,
      renderError: outcome.error,
      attempts,
      nextAttemptAt: outcome.transient
        ? nextAttemptAt(now, attempts, retry)
        : undefined,
    };
  }
  const unchanged =
    previous !== undefined &&
    previous.inputHash === entity.inputHash &&
    previous.renderHash === outcome.hash &&
    previous.renderError === undefined &&
    previous.attempts === 0 &&
    previous.slug === entity.slug;
  return unchanged ? undefined : { ...base, renderHash: outcome.hash };
}

/**
 * A sink's record after an attempt at `targetHash` (undefined for a removal): on success the
 * objects it reported and no failures; on failure the previous objects and last good hash, one
 * more failure in a row and the back-off before the next attempt.
 */
export function afterSinkAttempt(
  sink: string,
  previous: SinkState | undefined,
  targetHash: string | undefined,
  outcome: Outcome,
  now: number,
  retry: RetryPolicy,
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
  const attempts = (previous?.attempts ?? 0) + 1;
  return {
    sink,
    state: 'error',
    hash: previous?.hash,
    targetHash,
    objects: previous?.objects ?? [],
    error: outcome.error.message,
    attempts,
    lastAttemptAt: now,
    lastSuccessAt: previous?.lastSuccessAt,
    nextAttemptAt: nextAttemptAt(now, attempts, retry),
  };
}

/**
 * A sink's outcome per entity ref of a batch; an entity the sink reported nothing for counts as
 * failed. A sink that threw (`result` an Error) failed every entity of the batch.
 */
export function outcomesOf(
  sink: string,
  entityRefs: readonly string[],
  result: SinkApplyResult | Error,
): Map<string, Outcome> {
  const byRef = new Map<string, SinkEntityOutcome>(
    result instanceof Error
      ? []
      : result.outcomes.map(outcome => [outcome.entityRef, outcome]),
  );
  return new Map(
    entityRefs.map(entityRef => [
      entityRef,
      result instanceof Error
        ? { ok: false, error: result }
        : byRef.get(entityRef) ?? {
            ok: false,
            error: new Error(`sink ${sink} reported no outcome for the entity`),
          },
    ]),
  );
}

/**
 * What the removals of a run leave: a removed entity's record of the sink is deleted, a failed
 * removal backs off (and is not a failure when the run was aborted: the next run retries), the
 * records of unconfigured sinks are dropped, and a gone entity that no sink holds any more is
 * forgotten.
 */
export function afterRemovals(options: {
  states: ReadonlyMap<string, EntityStateWithSinks>;
  plan: RemovalPlan;
  /** Per sink, the outcome of each of its removals. */
  outcomes: ReadonlyMap<string, ReadonlyMap<string, Outcome>>;
  aborted: boolean;
  now: number;
  retry: RetryPolicy;
}): StateChanges {
  const { states, plan, outcomes, aborted, now, retry } = options;
  const changes: Required<
    Pick<StateChanges, 'sinks' | 'deletedSinks' | 'deletedEntities'>
  > = { sinks: [], deletedSinks: [...plan.forgotten], deletedEntities: [] };
  const removed = new Set(
    plan.forgotten.map(({ entityRef, sink }) => `${entityRef}\n${sink}`),
  );
  for (const [sink, bySink] of outcomes) {
    for (const [entityRef, outcome] of bySink) {
      if (outcome.ok) {
        changes.deletedSinks.push({ entityRef, sink });
        removed.add(`${entityRef}\n${sink}`);
      } else if (!aborted) {
        const previous = states.get(entityRef)?.sinks.get(sink);
        changes.sinks.push({
          entityRef,
          ...afterSinkAttempt(sink, previous, undefined, outcome, now, retry),
        });
      }
    }
  }
  for (const entityRef of plan.gone) {
    const held = [...(states.get(entityRef)?.sinks.keys() ?? [])];
    if (held.every(sink => removed.has(`${entityRef}\n${sink}`))) {
      changes.deletedEntities.push(entityRef);
    }
  }
  return changes;
}

/**
 * The records of the entities a full sync found drifted (objects missing from the sink): pending
 * again, with no back-off, so that the next run provisions them again.
 */
export function afterDrift(
  sink: string,
  states: ReadonlyMap<string, EntityStateWithSinks>,
  drifted: readonly string[],
): Array<SinkState & { entityRef: string }> {
  return drifted.flatMap(entityRef => {
    const state = states.get(entityRef)?.sinks.get(sink);
    return state
      ? [
          {
            entityRef,
            ...state,
            state: 'pending' as const,
            hash: undefined,
            nextAttemptAt: undefined,
          },
        ]
      : [];
  });
}
