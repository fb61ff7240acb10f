/*
 * The releases the plugin's database keeps (DESIGN §10): one per entity and version.
 */
import { Release } from '@lookout/plugin-observability-common';

/** A release to record; the store gives it its id. */
export type NewRelease = Omit<Release, 'id'>;

/** Where releases are kept. */
export interface ReleaseStore {
  /**
   * Records a release; the same entity and version recorded again is the same release: the
   * stored one is returned unchanged, with `created: false`.
   */
  record(release: NewRelease): Promise<{ release: Release; created: boolean }>;
  /** Releases of an entity with `from ≤ at ≤ to`, newest first, at most `limit`. */
  list(
    entityRef: string,
    query: { from: number; to: number; limit: number },
  ): Promise<Release[]>;
  /** The newest `perEntity` releases of every entity, newest first within an entity. */
  latestPerEntity(perEntity: number): Promise<Release[]>;
  /** Deletes releases older than `before` (epoch ms); resolves to how many. */
  prune(before: number): Promise<number>;
}
