/*
 * Reads the OpenSLO documents an entity names in `lookout.dev/openslo`: `url:<address>`, or a path
 * relative to the entity's source location (or the catalog file it came from). URLs go through
 * Backstage's URL reader (integrations, credentials) with ETags, so unchanged documents cost a
 * conditional request only.
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
import {
  ANNOTATION_OPENSLO,
  ANNOTATION_SLO_WINDOW,
  ObservabilityProblem,
  parseOpenSloDocuments,
  SloSpec,
} from '@lookout/plugin-observability-common';

/** Where the documents are: a URL for the URL reader, or a local file. */
export type OpenSloLocation =
  | { type: 'url'; target: string }
  | { type: 'file'; target: string };

/** Resolves the annotation's value against the entity's locations. */
export function resolveOpenSloLocation(
  entity: Entity,
  location: string,
): OpenSloLocation {
  if (location.startsWith('url:')) {
    return { type: 'url', target: location.slice('url:'.length) };
  }
  const annotations = entity.metadata.annotations ?? {};
  const base =
    annotations[ANNOTATION_SOURCE_LOCATION] ?? annotations[ANNOTATION_LOCATION];
  if (!base) {
    throw new Error(
      `${location} is relative, but the entity has neither ${ANNOTATION_SOURCE_LOCATION} nor ${ANNOTATION_LOCATION}; use url:<address>`,
    );
  }
  const ref = parseLocationRef(base);
  if (ref.type === 'file') {
    return {
      type: 'file',
      target: path.resolve(path.dirname(ref.target), location),
    };
  }
  if (ref.type === 'url') {
    return { type: 'url', target: new URL(location, ref.target).toString() };
  }
  throw new Error(
    `${location} is relative to a location of type ${ref.type}, which cannot be read`,
  );
}

/** The SLOs of the documents, and the problems found. */
export interface OpenSloResult {
  slos: SloSpec[];
  problems: ObservabilityProblem[];
}

function problem(message: string): ObservabilityProblem {
  return {
    severity: 'error',
    annotation: ANNOTATION_OPENSLO,
    path: '',
    message,
  };
}

/** Reads and parses OpenSLO documents for the reconciler. */
export class OpenSloReader {
  private readonly cache = new Map<string, { etag: string; text: string }>();

  constructor(private readonly urlReader: UrlReaderService) {}

  /** The documents' text; throws an error naming the location when they cannot be read. */
  async readText(entity: Entity, location: string): Promise<string> {
    const resolved = resolveOpenSloLocation(entity, location);
    if (resolved.type === 'file') {
      try {
        return await fs.readFile(resolved.target, 'utf8');
      } catch (error) {
        throw new Error(
          `cannot read ${resolved.target}: ${(error as Error).message}`,
        );
      }
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
        `cannot read ${resolved.target}: ${(error as Error).message}`,
      );
    }
  }

  /**
   * The SLOs of the documents' text. SLOs whose name another annotation already defines are
   * reported and left out, as the CLI does.
   */
  parse(
    entity: Entity,
    entityRef: string,
    text: string,
    taken: string[],
  ): OpenSloResult {
    const windowAnnotation =
      entity.metadata.annotations?.[ANNOTATION_SLO_WINDOW]?.trim();
    const defaultWindow =
      windowAnnotation && /^\d+[dw]$/.test(windowAnnotation)
        ? windowAnnotation
        : '30d';
    const parsed = parseOpenSloDocuments(text, { entityRef, defaultWindow });
    const names = new Set(taken);
    const problems = [...parsed.problems];
    const slos = parsed.slos.filter(slo => {
      if (names.has(slo.name)) {
        problems.push(
          problem(`SLO "${slo.name}" is already defined by another annotation`),
        );
        return false;
      }
      names.add(slo.name);
      return true;
    });
    return { slos, problems };
  }
}
