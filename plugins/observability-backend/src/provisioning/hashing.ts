/*
 * Content hashes that make the reconciler incremental: the input hash says whether an entity needs
 * rendering again, the render hash whether a sink needs writing again.
 */
import { createHash } from 'node:crypto';
import { Entity } from '@backstage/catalog-model';
import { EntityRender, toStableJson } from '@lookout/plugin-observability-node';

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * Hash of what a render depends on: the entity without the fields the catalog changes on its own
 * (`uid`, `etag`, `generation`, `status`), the settings, and extra inputs such as OpenSLO documents.
 */
export function inputHash(
  entity: Entity,
  settingsHash: string,
  extra = '',
): string {
  const { uid, etag, generation, ...metadata } =
    entity.metadata as Entity['metadata'] & {
      generation?: number;
    };
  const { status, ...rest } = entity as Entity & { status?: unknown };
  return sha256(toStableJson([{ ...rest, metadata }, settingsHash, extra]));
}

/** Hash of any JSON value (settings). */
export function valueHash(value: unknown): string {
  return sha256(toStableJson(value));
}

/** Hash of a render's output (its problems excluded: they are not written anywhere). */
export function renderHash(render: EntityRender): string {
  const { problems, ...output } = render;
  return sha256(toStableJson(output));
}
