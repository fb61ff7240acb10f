/*
 * Reads the OpenSLO documents an entity names in `lookout.dev/openslo`: `url:<address>`, or a path
 * relative to the entity's source location (when it is a URL) or to the catalog file that holds
 * the entity. URLs go through Backstage's URL reader (integrations, credentials and its
 * `backend.reading.allow` list) with ETags, so unchanged documents cost a conditional request
 * only.
 *
 * Entity authors write the annotations, so nothing they name may reach other files of the host:
 * a `file:` source location (which the author sets) is never used; a catalog registered as a
 * `file:` location (set by the catalog, not the author) is read from disk only inside that
 * catalog file's folder. Errors name the annotation's value, never a host path, an errno or
 * the content of a file.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { UrlReaderService } from '@backstage/backend-plugin-api';
import {
  ANNOTATION_LOCATION,
  ANNOTATION_SOURCE_LOCATION,
  Entity,
  parseLocationRef,
} from '@backstage/catalog-model';
import { NotModifiedError } from '@backstage/errors';

/** Where the documents are: a URL for the URL reader, or a file inside a catalog folder. */
export type OpenSloLocation =
  | { type: 'url'; target: string }
  | { type: 'file'; target: string; folder: string };

function parseBase(value: string | undefined) {
  if (!value) {
    return undefined;
  }
  try {
    return parseLocationRef(value);
  } catch {
    return undefined;
  }
}

/** Resolves the annotation's value against the entity's locations. */
export function resolveOpenSloLocation(
  entity: Entity,
  location: string,
): OpenSloLocation {
  if (location.startsWith('url:')) {
    return { type: 'url', target: location.slice('url:'.length) };
  }
  const annotations = entity.metadata.annotations ?? {};
  const source = parseBase(annotations[ANNOTATION_SOURCE_LOCATION]);
  if (source?.type === 'url') {
    return { type: 'url', target: new URL(location, source.target).toString() };
  }
  const managed = parseBase(annotations[ANNOTATION_LOCATION]);
  if (managed?.type === 'url') {
    return {
      type: 'url',
      target: new URL(location, managed.target).toString(),
    };
  }
  if (managed?.type === 'file') {
    if (path.isAbsolute(location)) {
      throw new Error(
        `${location} is an absolute path; name a file next to the catalog file, or use url:<address>`,
      );
    }
    const folder = path.dirname(path.resolve(managed.target));
    const target = path.resolve(folder, location);
    if (!target.startsWith(folder + path.sep)) {
      throw new Error(
        `${location} leaves the folder of the catalog file; name a file next to it, or use url:<address>`,
      );
    }
    return { type: 'file', target, folder };
  }
  throw new Error(
    `${location} is relative, but the entity has no URL to resolve it against (${ANNOTATION_SOURCE_LOCATION} or ${ANNOTATION_LOCATION} of type url, or a catalog file); use url:<address>`,
  );
}

/** Reads OpenSLO documents for the reconciler. */
export class OpenSloReader {
  private readonly cache = new Map<string, { etag: string; text: string }>();

  constructor(private readonly urlReader: UrlReaderService) {}

  /** The documents' text; throws an error naming the annotation's value when they cannot be read. */
  async readText(entity: Entity, location: string): Promise<string> {
    const resolved = resolveOpenSloLocation(entity, location);
    if (resolved.type === 'file') {
      return readInsideFolder(resolved.folder, resolved.target, location);
    }
    const cached = this.cache.get(resolved.target);
    try {
      const response = await this.urlReader.readUrl(resolved.target, {
        etag: cached?.etag,
      });
      const text = (await response.buffer()).toString('utf8');
      if (response.etag) {
        this.cache.set(resolved.target, { etag: response.etag, text });
      }
      return text;
    } catch (error) {
      if (cached && error instanceof NotModifiedError) {
        return cached.text;
      }
      throw new Error(
        `cannot read ${resolved.target}: ${(error as Error).name}: ${
          (error as Error).message
        }`,
      );
    }
  }
}

/**
 * Reads a file that must stay inside `folder` once links are followed; the error says only
 * that the annotation's value cannot be read.
 */
async function readInsideFolder(
  folder: string,
  target: string,
  location: string,
): Promise<string> {
  try {
    const [realFolder, realTarget] = await Promise.all([
      fs.realpath(folder),
      fs.realpath(target),
    ]);
    if (!realTarget.startsWith(realFolder + path.sep)) {
      throw new Error('outside');
    }
    return await fs.readFile(realTarget, 'utf8');
  } catch {
    throw new Error(
      `cannot read ${location} next to the catalog file (missing, unreadable or outside its folder)`,
    );
  }
}
