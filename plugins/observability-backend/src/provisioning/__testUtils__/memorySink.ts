/*
 * Test support: a sink that holds each entity's render hash in memory (through the shared
 * per-entity runner, like the real sinks), records every batch it is handed, and fails entities,
 * removals or full syncs on request.
 */
import {
  applyPerEntity,
  ProvisioningSink,
  SinkApplyResult,
  SinkChanges,
} from '@lookout/plugin-observability-node';

/** One batch the sink was handed. */
export interface MemorySinkCall {
  upserts: string[];
  removals: string[];
  fullSync: boolean;
}

/** A sink over a map of slug → render hash. */
export class MemorySink implements ProvisioningSink {
  readonly type = 'memory';
  /** What the sink holds: slug → render hash. */
  readonly held = new Map<string, string>();
  readonly calls: MemorySinkCall[] = [];
  /** Entity refs whose upserts fail. */
  readonly failingUpserts = new Set<string>();
  /** Entity refs whose removals fail. */
  readonly failingRemovals = new Set<string>();
  /** When set, a full sync throws this. */
  brokenFullSync?: Error;
  /** Called with every batch before it is applied (to abort the run, say). */
  onApply?: (changes: SinkChanges) => void;

  constructor(readonly name: string) {}

  /** The batches that upserted something, as the entity refs of each. */
  get upsertBatches(): string[][] {
    return this.calls.filter(c => c.upserts.length > 0).map(c => c.upserts);
  }

  async apply(changes: SinkChanges): Promise<SinkApplyResult> {
    this.calls.push({
      upserts: changes.upserts.map(u => u.entityRef),
      removals: changes.removals.map(r => r.entityRef),
      fullSync: changes.keep !== undefined,
    });
    this.onApply?.(changes);
    if (changes.keep && this.brokenFullSync) {
      throw this.brokenFullSync;
    }
    return applyPerEntity(changes, {
      upsert: async ({ entityRef, slug, hash }) => {
        if (this.failingUpserts.has(entityRef)) {
          throw new Error(`${this.name} refuses ${entityRef}`);
        }
        this.held.set(slug, hash);
        return { objects: [slug], changed: true };
      },
      remove: async ({ entityRef, slug }) => {
        if (this.failingRemovals.has(entityRef)) {
          throw new Error(`${this.name} cannot remove ${entityRef}`);
        }
        return { changed: this.held.delete(slug) };
      },
      keptIds: keep => keep.objects,
      upsertIds: upsert => [upsert.slug],
      listPresent: async () => new Set(this.held.keys()),
      prune: async id => this.held.delete(id),
    });
  }
}
