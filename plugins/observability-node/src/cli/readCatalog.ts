/*
 * Reads catalog YAML files the way the CLI takes them: files or folders (searched recursively for
 * `*.yaml`/`*.yml`), every document of a multi-document file, non-entity documents ignored.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { Entity } from '@backstage/catalog-model';
import { parseAllDocuments } from 'yaml';
import { UsageError } from './usage';

/** An entity and the file it was read from. */
export interface CatalogEntity {
  entity: Entity;
  /** Absolute path of the catalog file. */
  file: string;
}

/** A file that could not be read as YAML. */
export interface CatalogFileError {
  file: string;
  message: string;
}

/** Everything read from the catalog locations. */
export interface Catalog {
  entities: CatalogEntity[];
  errors: CatalogFileError[];
}

const SKIPPED_FOLDERS = new Set(['node_modules']);

/** Code unit order, independent of the locale (as `LC_ALL=C ls`). */
function compareCodeUnits(a: string, b: string): number {
  if (a === b) {
    return 0;
  }
  return a < b ? -1 : 1;
}

async function yamlFilesIn(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => compareCodeUnits(a.name, b.name));
  const files: string[] = [];
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!entry.name.startsWith('.') && !SKIPPED_FOLDERS.has(entry.name)) {
        files.push(...(await yamlFilesIn(full)));
      }
    } else if (entry.isFile() && /\.ya?ml$/.test(entry.name)) {
      files.push(full);
    }
  }
  return files;
}

/** Whether a YAML document looks like a catalog entity. */
function isEntity(value: unknown): value is Entity {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return false;
  }
  const { apiVersion, kind, metadata } = value as Record<string, unknown>;
  return (
    typeof apiVersion === 'string' &&
    typeof kind === 'string' &&
    metadata !== null &&
    typeof metadata === 'object' &&
    typeof (metadata as Record<string, unknown>).name === 'string'
  );
}

/**
 * Reads the entities of the given locations (absolute paths), in a stable order: locations as
 * given, folder contents by name, documents in file order. A missing location is a usage error;
 * a file that is not valid YAML is reported and skipped.
 */
export async function readCatalog(locations: string[]): Promise<Catalog> {
  const files: string[] = [];
  for (const location of locations) {
    let stat;
    try {
      stat = await fs.stat(location);
    } catch {
      throw new UsageError(`--catalog ${location}: no such file or folder`);
    }
    if (stat.isDirectory()) {
      files.push(...(await yamlFilesIn(location)));
    } else {
      files.push(location);
    }
  }
  const catalog: Catalog = { entities: [], errors: [] };
  for (const file of [...new Set(files)]) {
    const text = await fs.readFile(file, 'utf8');
    const documents = parseAllDocuments(text);
    const docs = Array.isArray(documents) ? documents : [documents];
    for (const doc of docs) {
      if (doc.errors.length > 0) {
        catalog.errors.push({
          file,
          message: `not valid YAML: ${doc.errors[0].message.split('\n')[0]}`,
        });
        continue;
      }
      let value: unknown;
      try {
        value = doc.toJS();
      } catch (error) {
        catalog.errors.push({
          file,
          message: `not valid YAML: ${(error as Error).message}`,
        });
        continue;
      }
      if (isEntity(value)) {
        catalog.entities.push({ entity: value, file });
      }
    }
  }
  return catalog;
}
