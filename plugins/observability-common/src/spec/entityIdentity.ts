/*
 * The identity of the entity being parsed, read defensively: the parser never throws, even on
 * an entity that skipped catalog validation.
 */
import {
  DEFAULT_NAMESPACE,
  Entity,
  stringifyEntityRef,
} from '@backstage/catalog-model';

/** Kind, namespace and name of an entity, and its ref `kind:namespace/name`. @public */
export interface EntityIdentity {
  kind: string;
  namespace: string;
  name: string;
  entityRef: string;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** Reads an entity's identity without trusting its shape. @public */
export function entityIdentity(entity: Entity): EntityIdentity {
  const metadata: Partial<Entity['metadata']> =
    typeof entity?.metadata === 'object' && entity.metadata !== null
      ? entity.metadata
      : {};
  const kind = text(entity?.kind) ?? '';
  const namespace = text(metadata.namespace) || DEFAULT_NAMESPACE;
  const name = text(metadata.name) ?? '';
  let entityRef: string;
  try {
    entityRef = stringifyEntityRef({ kind, namespace, name });
  } catch {
    entityRef = `${kind}:${namespace}/${name}`.toLocaleLowerCase('en-US');
  }
  return { kind, namespace, name, entityRef };
}

/** The entity's annotations, or an empty map when it has none (or something else). @internal */
export function entityAnnotations(entity: Entity): Record<string, unknown> {
  const annotations: unknown = entity?.metadata?.annotations;
  if (
    typeof annotations !== 'object' ||
    annotations === null ||
    Array.isArray(annotations)
  ) {
    return {};
  }
  return annotations as Record<string, unknown>;
}
