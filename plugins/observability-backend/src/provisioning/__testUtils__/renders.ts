/*
 * Test support: real renders of test entities (the parser and render engine with the default
 * settings), and sink changes built from them.
 */
import { ConfigReader } from '@backstage/config';
import { Entity } from '@backstage/catalog-model';
import { parseObservabilitySpec } from '@lookout/plugin-observability-common';
import {
  EntityRender,
  readObservabilityConfig,
  renderEntity,
  SinkUpsert,
  upsertOf as sinkUpsertOf,
} from '@lookout/plugin-observability-node';
import { renderHash } from '../hashing';

const settings = readObservabilityConfig(new ConfigReader({}));

/** The render of an entity; throws when the entity has errors. */
export function renderOf(
  entity: Entity,
  { instanceId }: { instanceId?: string } = {},
): EntityRender {
  const { spec, problems } = parseObservabilitySpec(
    entity,
    settings.parseOptions,
  );
  const errors = problems.filter(p => p.severity === 'error');
  if (errors.length > 0) {
    throw new Error(`test entity has errors: ${JSON.stringify(errors)}`);
  }
  return renderEntity(
    { entity, spec },
    { ...settings.renderOptions, ...(instanceId ? { instanceId } : {}) },
  );
}

/** An upsert of the render, with its real content hash. */
export function upsertOf(
  render: EntityRender,
  previousObjects: string[] = [],
): SinkUpsert {
  return sinkUpsertOf(render, renderHash(render), previousObjects);
}

export { removalOf } from '@lookout/plugin-observability-node';
