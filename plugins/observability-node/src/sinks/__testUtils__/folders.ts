/*
 * Test support: temporary folders, snapshots of folder trees, and sink changes built from renders.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { EntityRender } from '../../render/types';
import { upsertOf as sinkUpsertOf } from '../sinkChanges';
import { SinkFileSystem } from '../fs/SinkFileSystem';
import { writeFileAtomic } from '../fs/writeFileAtomic';
import { SinkUpsert } from '../types';

/** A fresh temporary folder; removed by the returned cleanup. */
export async function makeTempDir(prefix: string): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), `lookout-${prefix}-`));
}

/**
 * Temporary folders for one test file: each call of the returned function makes one; all are
 * removed after the file's tests.
 */
export function tempDirsRemovedAfterAll(prefix: string): () => Promise<string> {
  const dirs: string[] = [];
  afterAll(async () => {
    await Promise.all(
      dirs.map(dir => fs.rm(dir, { recursive: true, force: true })),
    );
  });
  return async () => {
    const dir = await makeTempDir(prefix);
    dirs.push(dir);
    return dir;
  };
}

/** A small folder tree (kept, changed and removed files, nested folders) for file-system tests. */
export const SAMPLE_TREE: Readonly<Record<string, string>> = {
  'kept.txt': 'same\n',
  'changed.txt': 'old\n',
  'gone.txt': 'bye\n',
  'folder/a.txt': 'a\n',
  'folder/deep/b.txt': 'b\n',
};

/**
 * Makes the sample changes to {@link SAMPLE_TREE} under `dir` through `files`: `changed.txt`
 * rewritten, `kept.txt` rewritten with its own content, `gone.txt` removed, `made/sub/c.txt`
 * created, `folder` renamed to `moved`. Returns the path maker it used.
 */
export async function makeSampleChanges(
  files: SinkFileSystem,
  dir: string,
): Promise<(rel: string) => string> {
  const at = (rel: string) => path.join(dir, rel);
  await writeFileAtomic(files, at('changed.txt'), 'new\n');
  await writeFileAtomic(files, at('kept.txt'), 'same\n');
  await files.rm(at('gone.txt'));
  await files.mkdir(at('made/sub'));
  await files.writeFile(at('made/sub/c.txt'), 'c\n');
  await files.rename(at('folder'), at('moved'));
  return at;
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
