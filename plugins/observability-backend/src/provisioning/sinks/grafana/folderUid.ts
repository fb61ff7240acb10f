/*
 * Grafana folders of the generated dashboards: one per owner, with a stable uid derived from the
 * folder title, so a dashboard always lands in (and stays in) its owner's folder.
 */
import { createHash } from 'node:crypto';

/** Grafana uids: at most 40 characters of `[A-Za-z0-9_-]`. */
const MAX_UID_LENGTH = 40;

/** `lookout-<title slug>`, shortened with a hash of the title when too long or not plain. */
export function folderUid(title: string): string {
  const slug = title
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const plain = `lookout-${slug}`;
  if (plain.length <= MAX_UID_LENGTH && slug === title) {
    return plain;
  }
  const hash = createHash('sha256').update(title).digest('hex').slice(0, 8);
  return `${plain
    .slice(0, MAX_UID_LENGTH - hash.length - 1)
    .replace(/-+$/, '')}-${hash}`;
}

/** The folder title of a dashboard: the template with `{{owner}}` replaced, or the default. */
export function folderTitle(
  template: string,
  owner: string | undefined,
  fallback: string,
): string {
  return owner ? template.replace(/\{\{\s*owner\s*\}\}/g, owner) : fallback;
}
