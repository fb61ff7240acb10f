/*
 * Content hashes that make the reconciler incremental: the input hash says whether an entity needs
 * rendering again, the render hash whether a sink needs writing again.
 */
import { createHash } from 'node:crypto';
import { Entity } from '@backstage/catalog-model';
import { EntityRender } from '@lookout/plugin-observability-node';

/**
 * JSON with object keys sorted at every level (undefined members left out, as JSON.stringify
 * does), so the text depends on the content only. Written out directly: hashing 10,000 entities
 * on every run must stay cheap.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    return JSON.stringify(value) ?? 'null';
  }
  if (Array.isArray(value)) {
    return `[${value
      .map(item => (item === undefined ? 'null' : canonicalJson(item)))
      .join(',')}]`;
  }
  const object = value as Record<string, unknown>;
  const members: string[] = [];
  for (const key of Object.keys(object).sort()) {
    if (object[key] !== undefined) {
      members.push(`${JSON.stringify(key)}:${canonicalJson(object[key])}`);
    }
  }
  return `{${members.join(',')}}`;
}

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
  return sha256(canonicalJson([{ ...rest, metadata }, settingsHash, extra]));
}

/** Hash of any JSON value (settings). */
export function valueHash(value: unknown): string {
  return sha256(canonicalJson(value));
}

/**
 * Hash of what the sinks write of a render. Problems and `promtool` rule tests are left out: no
 * sink writes them (the tests follow from the rule groups, which are hashed).
 */
export function renderHash(render: EntityRender): string {
  const { problems, ruleTests, ...output } = render;
  return sha256(canonicalJson(output));
}
