/*
 * Whole-file replacement: the content goes to a temporary file beside the target, which is then
 * renamed over it, so that a reader (or a crash) only ever sees the old or the new file.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { SinkFileSystem } from './SinkFileSystem';

/** Pattern of the temporary files of {@link writeFileAtomic} (as the CLI names them). @public */
export const TEMP_FILE_PATTERN = /^\..+\.lookout-[0-9a-f]+\.tmp$/;

/** A fresh temporary name beside `file`. */
export function tempPathFor(file: string): string {
  return path.join(
    path.dirname(file),
    `.${path.basename(file)}.lookout-${randomBytes(6).toString('hex')}.tmp`,
  );
}

/**
 * Replaces `file` with `content` atomically (temporary file, then rename). The folder must exist.
 * @public
 */
export async function writeFileAtomic(
  fs: SinkFileSystem,
  file: string,
  content: string,
): Promise<void> {
  const temp = tempPathFor(file);
  await fs.writeFile(temp, content);
  await fs.rename(temp, file);
}
