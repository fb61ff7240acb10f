/*
 * One entity's folder of the operator format, by file name (the layout of that entity alone).
 */
import {
  OperatorLayoutOptions,
  operatorEntityFiles,
  sortFiles,
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
  for (const file of sortFiles(operatorEntityFiles(render, layout))) {
    if (file.path.startsWith(prefix)) {
      files.set(file.path.slice(prefix.length), file.content);
    }
  }
  return files;
}
