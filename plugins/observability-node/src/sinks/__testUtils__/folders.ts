/*
 * Test support: temporary folders, snapshots of folder trees, and sink changes built from renders.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { EntityRender } from '../../render/types';
import { upsertOf as sinkUpsertOf } from '../sinkChanges';
import { SinkUpsert } from '../types';

/** A fresh temporary folder; removed by the returned cleanup. */
export async function makeTempDir(prefix: string): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), `lookout-${prefix}-`));
}

/** Every file under `root` (dotfiles included), relative path → content. */
export async function snapshot(root: string): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  async function walk(dir: string) {
    let entries;
    try {
      entries = await fs.readdir(path.join(root, dir), { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const rel = dir ? `${dir}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        await walk(rel);
      } else {
        result[rel] = await fs.readFile(path.join(root, rel), 'utf8');
      }
    }
  }
  await walk('');
  return result;
}

/** Writes `files` (relative path → content) under `root`. */
export async function writeTree(
  root: string,
  files: Record<string, string>,
): Promise<void> {
  for (const [rel, content] of Object.entries(files)) {
    await fs.mkdir(path.dirname(path.join(root, rel)), { recursive: true });
    await fs.writeFile(path.join(root, rel), content);
  }
}

/** An upsert of a render, as the reconciler builds it (with a stand-in content hash). */
export function upsertOf(
  render: EntityRender,
  previousObjects: string[] = [],
): SinkUpsert {
  return sinkUpsertOf(
    render,
    JSON.stringify(render).length.toString(16),
    previousObjects,
  );
}

export { removalOf } from '../sinkChanges';
