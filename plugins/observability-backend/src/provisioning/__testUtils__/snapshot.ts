/*
 * Test support: the files of a folder tree, to compare what the sinks wrote.
 */
import fs from 'node:fs/promises';
import path from 'node:path';

/** Every file under `root`, relative path → content. */
export async function snapshot(root: string): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const entry of await fs.readdir(root, {
    recursive: true,
    withFileTypes: true,
  })) {
    if (entry.isFile()) {
      const file = path.join(entry.parentPath, entry.name);
      result[path.relative(root, file)] = await fs.readFile(file, 'utf8');
    }
  }
  return result;
}
