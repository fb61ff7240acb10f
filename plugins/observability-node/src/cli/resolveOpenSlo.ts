/*
 * Resolves `lookout.dev/openslo` for the CLI: a path relative to the entity's catalog file, read
 * only inside that file's folder (or a folder given with --allow-read), so that a catalog cannot
 * make the CLI read other files of the machine. `url:` locations need the backend's URL reader
 * and are reported as not supported here.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ANNOTATION_OPENSLO } from '@lookout/plugin-observability-common';
import { OpenSloText } from '../render/renderAnnotatedEntity';
import { CatalogEntity } from './readCatalog';
import { PathStat, statOf } from './runStamp';

function inside(folder: string, file: string): boolean {
  return file.startsWith(
    folder.endsWith(path.sep) ? folder : folder + path.sep,
  );
}

/**
 * The file `lookout.dev/openslo` names, relative to the entity's catalog file, or why it may not
 * be read: absolute paths and paths leaving the catalog file's folder are refused unless they
 * fall in one of `allowRead` (absolute folders). Undefined for an empty value or a `url:`
 * location.
 */
export function openSloFile(
  location: string,
  entityFile: string,
  allowRead: string[] = [],
): { file: string } | { error: string } | undefined {
  if (location === '' || location.startsWith('url:')) {
    return undefined;
  }
  const folder = path.dirname(entityFile);
  const file = path.resolve(folder, location);
  if ([folder, ...allowRead].some(root => inside(root, file))) {
    return { file };
  }
  const widen = 'or widen what the CLI reads with --allow-read <folder>';
  return {
    error: path.isAbsolute(location)
      ? `${location} is an absolute path; name a file next to the catalog file, ${widen}`
      : `${location} leaves the folder of the catalog file; name a file next to it, ${widen}`,
  };
}

/** Reads `file` unless a link leads it out of the allowed folders; undefined when it cannot. */
function readConfined(
  file: string,
  entityFile: string,
  allowRead: string[],
): string | undefined {
  try {
    const real = fs.realpathSync(file);
    const roots = [path.dirname(entityFile), ...allowRead].map(root => {
      try {
        return fs.realpathSync(root);
      } catch {
        return undefined;
      }
    });
    if (!roots.some(root => root !== undefined && inside(root, real))) {
      return undefined;
    }
    return fs.readFileSync(real, 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * The text of the OpenSLO documents `location` (the entity's `lookout.dev/openslo`) names, or why
 * the CLI does not read it. How they join the entity's SLOs is `renderAnnotatedEntity`'s.
 */
export function readOpenSloText(
  location: string,
  entityFile: string,
  allowRead: string[] = [],
): OpenSloText {
  if (location.startsWith('url:')) {
    return {
      error: `${location} is not supported by the CLI (only paths relative to the catalog file); the backend reads URLs`,
    };
  }
  const resolved = openSloFile(location, entityFile, allowRead);
  if (resolved === undefined) {
    return { error: 'the location is empty' };
  }
  if ('error' in resolved) {
    return resolved;
  }
  const text = readConfined(resolved.file, entityFile, allowRead);
  return text === undefined
    ? {
        error: `cannot read ${location} (missing, unreadable, or a link out of the folders the CLI reads)`,
      }
    : { text };
}

/** Stats of the OpenSLO files the entities name (null where missing), for the run stamp. */
export function openSloStats(
  entities: CatalogEntity[],
  allowRead: string[] = [],
): Record<string, PathStat> {
  const inputs: Record<string, PathStat> = {};
  for (const { entity, file } of entities) {
    const annotation = entity.metadata.annotations?.[ANNOTATION_OPENSLO];
    const openSlo =
      typeof annotation === 'string'
        ? openSloFile(annotation.trim(), file, allowRead)
        : undefined;
    if (openSlo !== undefined && 'file' in openSlo) {
      inputs[openSlo.file] = statOf(openSlo.file);
    }
  }
  return inputs;
}
