/*
 * The Grafana dashboard uid of an entity (DESIGN §4): at most 40 characters of `[A-Za-z0-9_-]`,
 * derived from the entity ref. Alert annotations link to it and the dashboard renderer sets it,
 * so both import it from here.
 */
import { parseEntityRef } from '@backstage/catalog-model';
import { REF_HASH_LENGTH, refHash } from '../scrape/refHash';

/** Grafana's limit on dashboard uids. @public */
export const DASHBOARD_UID_MAX_LENGTH = 40;

/**
 * The dashboard uid of `entityRef`: `<kind>_<namespace>_<name>` in lowercase, e.g.
 * `component_default_checkout`.
 *
 * `_` separates the parts because neither kinds nor namespaces may contain it, so distinct
 * entities give distinct uids (`default/a-b` and `default-a/b` would both be `default-a-b` with
 * `-`). Entity refs are case-insensitive in Backstage, hence the lowercase. When the result
 * would be longer than 40 characters, or the name holds a `.` (not allowed in a uid), the uid
 * is cut: the kind (at most 8 characters), `__` (which an uncut uid never has right after the
 * kind, so no entity can choose a name that gives another's cut uid), the start of the rest,
 * `-` and 16 characters of a hash of the lowercased ref.
 *
 * @public
 */
export function dashboardUid(entityRef: string): string {
  const { kind, namespace, name } = parseEntityRef(entityRef);
  const lower = (s: string) => s.toLocaleLowerCase('en-US');
  const plain = lower(`${kind}_${namespace}_${name}`);
  if (/^[a-z0-9_-]+$/.test(plain) && plain.length <= DASHBOARD_UID_MAX_LENGTH) {
    return plain;
  }
  const head = lower(kind)
    .replace(/[^a-z0-9]/g, '')
    .slice(0, 8);
  const hash = refHash(lower(`${kind}:${namespace}/${name}`));
  const room = DASHBOARD_UID_MAX_LENGTH - head.length - 2 - 1 - REF_HASH_LENGTH;
  const start = lower(`${namespace}_${name}`)
    .replace(/[^a-z0-9_-]/g, '-')
    .slice(0, room)
    .replace(/[-_]+$/, '');
  return `${head}__${start ? `${start}-` : ''}${hash}`;
}
