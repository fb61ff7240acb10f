/*
 * The name of everything Lookout generates for an entity: `<kind>-<namespace>-<name>` (DESIGN §4),
 * made safe as a Kubernetes object name and a file name (DNS-1123 label: lowercase alphanumerics
 * and `-`, at most 63 characters).
 */
import { createHash } from 'node:crypto';
import { parseEntityRef } from '@backstage/catalog-model';

const MAX_LENGTH = 63;
const HASH_LENGTH = 8;

/**
 * The slug of an entity ref, e.g. `component:default/checkout` → `component-default-checkout`.
 *
 * Refs whose parts need more than lowercasing (`_` or `.` in a name) or whose slug would exceed
 * 63 characters get a suffix of 8 hex characters of the ref's SHA-256, so that two entities
 * never share a slug (`my_app` and `my-app` differ).
 *
 * @public
 */
export function entitySlug(entityRef: string): string {
  const { kind, namespace, name } = parseEntityRef(entityRef);
  const plain = `${kind}-${namespace}-${name}`.toLocaleLowerCase('en-US');
  const safe = plain.replace(/[^a-z0-9-]+/g, '-');
  if (safe === plain && safe.length <= MAX_LENGTH) {
    return safe;
  }
  const hash = createHash('sha256')
    .update(entityRef)
    .digest('hex')
    .slice(0, HASH_LENGTH);
  const head = safe.slice(0, MAX_LENGTH - HASH_LENGTH - 1).replace(/-+$/, '');
  return `${head}-${hash}`;
}
