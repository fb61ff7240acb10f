/*
 * What both Lookout actions share about their catalog file: the `filePath` input (a path inside
 * the workspace, catalog-info.yaml unless set) and reading that file and its entities, with an
 * InputError naming the input when it cannot be read.
 */
import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { TemplateActionOptions } from '@backstage/plugin-scaffolder-node';
import fs from 'node:fs/promises';
import {
  CatalogDocument,
  readCatalogDocuments,
} from '../catalogFile/catalogDocuments';

/** Default of the actions' `filePath` input. */
export const DEFAULT_CATALOG_FILE = 'catalog-info.yaml';

/** The zod the scaffolder hands to each input of an action's schema. */
type ScaffolderZod = Parameters<
  NonNullable<NonNullable<TemplateActionOptions['schema']>['input']>[string]
>[0];

/** An optional string input. */
type OptionalStringInput = ReturnType<
  ReturnType<ScaffolderZod['string']>['optional']
>;

/** The `filePath` input of the actions. */
export function filePathInput(z: ScaffolderZod): OptionalStringInput {
  return z
    .string()
    .optional()
    .describe(
      `Path of the catalog file in the workspace (default ${DEFAULT_CATALOG_FILE})`,
    );
}

/** The catalog file of the workspace: its absolute path, its text and its entities. */
export interface CatalogFile {
  path: string;
  text: string;
  documents: CatalogDocument[];
}

/**
 * Reads `filePath` inside `workspacePath`; a path leaving the workspace throws the error of
 * `resolveSafeChildPath`, a file that cannot be read or parsed an InputError naming `filePath`.
 */
export async function readCatalogFile(
  workspacePath: string,
  filePath: string,
): Promise<CatalogFile> {
  const path = resolveSafeChildPath(workspacePath, filePath);
  const text = await fs.readFile(path, 'utf8').catch(error => {
    throw new InputError(`filePath: cannot read ${filePath}: ${error.message}`);
  });
  return { path, text, documents: readCatalogDocuments(text, filePath) };
}
