/*
 * The Grafana dashboard uid of an entity (DESIGN §4): at most 40 characters of `[A-Za-z0-9_-]`,
 * derived from the entity ref. Alert annotations link to it and the dashboard renderer sets it,
 * so both import it from here.
 */
import { createHash } from 'node:crypto';
import { parseEntityRef } from '@backstage/catalog-model';

/** Grafana's limit on dashboard uids. @public */
export const DASHBOARD_UID_MAX_LENGTH = 40;

const HASH_LENGTH = 10;

/**
 * The dashboard uid of `entityRef`: `<kind>_<namespace>_<name>` in lowercase, e.g.
 * `component_default_checkout`.
 *
 * `_` separates the parts because neither kinds nor namespaces may contain it, so distinct
 * entities give distinct uids (`default/a-b` and `default-a/b` would both be `default-a-b` with
 * `-`). Entity refs are case-insensitive in Backstage, hence the lowercase. When the result
 * would be longer than 40 characters, or the name holds a `.` (not allowed in a uid), the uid
 * is cut and ends with `-` and 10 hex characters of the SHA-256 of the lowercased ref.
 *
 * @public
 */
export function dashboardUid(entityRef: string): string {
  const { kind, namespace, name } = parseEntityRef(entityRef);
  const canonical = `${kind}:${namespace}/${name}`.toLocaleLowerCase('en-US');
  const plain = `${kind}_${namespace}_${name}`.toLocaleLowerCase('en-US');
  const safe = plain.replace(/[^a-z0-9_-]/g, '-');
  if (safe === plain && safe.length <= DASHBOARD_UID_MAX_LENGTH) {
    return safe;
  }
  const hash = createHash('sha256')
    .update(canonical)
    .digest('hex')
    .slice(0, HASH_LENGTH);
  const head = safe
    .slice(0, DASHBOARD_UID_MAX_LENGTH - HASH_LENGTH - 1)
    .replace(/[-_]+$/, '');
  return `${head}-${hash}`;
}
