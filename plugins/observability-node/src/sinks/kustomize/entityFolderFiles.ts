/*
 * One entity's folder of the operator format, by file name, cut out of the full layout.
 */
import {
  OperatorLayoutOptions,
  toOperatorFiles,
} from '../../render/output/operatorFiles';
import { EntityRender } from '../../render/types';

/**
 * The files of the entity's folder (name → content), exactly as `lookout render` writes them;
 * empty when the entity has nothing to deploy.
 * @public
 */
export function entityFolderFiles(
  render: EntityRender,
  layout: OperatorLayoutOptions = {},
): Map<string, string> {
  const files = new Map<string, string>();
  const prefix = `${render.slug}/`;
  for (const file of toOperatorFiles([render], layout)) {
    if (file.path.startsWith(prefix)) {
      files.set(file.path.slice(prefix.length), file.content);
    }
  }
  return files;
}
