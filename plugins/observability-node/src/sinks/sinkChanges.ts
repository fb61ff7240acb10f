/*
 * The changes a sink is handed, built from renders: what the reconciler and the CLI (and the
 * tests of both) give a sink for an entity to write or to remove.
 */
import { EntityRender } from '../render/types';
import { SinkEntity, SinkRemoval, SinkUpsert } from './types';

/**
 * The upsert of a render: `hash` is the render's content hash, `previousObjects` what the sink
 * reported for the entity last time (none for an entity new to the sink).
 *
 * @public
 */
export function upsertOf(
  render: EntityRender,
  hash: string,
  previousObjects: string[] = [],
): SinkUpsert {
  return {
    entityRef: render.entityRef,
    slug: render.slug,
    hash,
    render,
    previousObjects,
  };
}

/** The removal of an entity, with what the sink reported for it. @public */
export function removalOf(
  entity: SinkEntity,
  previousObjects: string[] = [],
): SinkRemoval {
  return { entityRef: entity.entityRef, slug: entity.slug, previousObjects };
}
