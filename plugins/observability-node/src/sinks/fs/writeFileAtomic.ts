/*
 * Whole-file replacement: the content goes to a temporary file beside the target, which is then
 * renamed over it, so that a reader (or a crash) only ever sees the old or the new file.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { DEFAULT_INSTANCE_ID } from '../../render/output/generatedNotice';
import { SinkFileSystem } from './SinkFileSystem';

/**
 * Pattern of the temporary files of {@link writeFileAtomic} and the CLI:
 * `.<file>.lookout-<instance>-<random>.tmp`. @public
 */
export const TEMP_FILE_PATTERN =
  /^\..+\.lookout-(?:([a-z0-9-]+)-)?[0-9a-f]+\.tmp$/;

/**
 * Whether `name` is a temporary file left by the installation `instanceId` (names without an
 * instance, from earlier versions, belong to the default one): the only ones it may remove.
 * @public
 */
export function isOwnTempFile(name: string, instanceId: string): boolean {
  const match = TEMP_FILE_PATTERN.exec(name);
  return match !== null && (match[1] ?? DEFAULT_INSTANCE_ID) === instanceId;
}

/** A fresh temporary name beside `file`, marked with the installation. @public */
export function tempPathFor(
  file: string,
  instanceId: string = DEFAULT_INSTANCE_ID,
  unique: string = randomBytes(6).toString('hex'),
): string {
  return path.join(
    path.dirname(file),
    `.${path.basename(file)}.lookout-${instanceId}-${unique}.tmp`,
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
  instanceId?: string,
): Promise<void> {
  const temp = tempPathFor(file, instanceId);
  await fs.writeFile(temp, content);
  await fs.rename(temp, file);
}
