/*
 * Resolves `lookout.dev/openslo` for the CLI: a path relative to the entity's catalog file.
 * `url:` locations need the backend's URL reader and are reported as not supported here.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import {
  ANNOTATION_OPENSLO,
  ObservabilityProblem,
  ObservabilitySpec,
  parseOpenSloDocuments,
  SloSpec,
} from '@lookout/plugin-observability-common';

/** The SLOs of the OpenSLO documents, and what was wrong with them. */
export interface OpenSloResolution {
  slos: SloSpec[];
  problems: ObservabilityProblem[];
}

function problem(
  message: string,
  severity: 'error' | 'warning' = 'error',
): ObservabilityProblem {
  return { severity, annotation: ANNOTATION_OPENSLO, path: '', message };
}

/**
 * The file `lookout.dev/openslo` names, relative to the entity's catalog file; undefined for an
 * empty value or a `url:` location.
 */
export function openSloFile(
  location: string,
  entityFile: string,
): string | undefined {
  return location === '' || location.startsWith('url:')
    ? undefined
    : path.resolve(path.dirname(entityFile), location);
}

/** Reads and parses the entity's OpenSLO documents, if it names any. */
export async function resolveOpenSlo(
  spec: ObservabilitySpec,
  entityFile: string,
  defaultWindow: string,
): Promise<OpenSloResolution> {
  const location = spec.openslo;
  if (location === undefined) {
    return { slos: [], problems: [] };
  }
  if (location.startsWith('url:')) {
    return {
      slos: [],
      problems: [
        problem(
          `${location} is not supported by the CLI (only paths relative to the catalog file); the backend reads URLs`,
        ),
      ],
    };
  }
  const file = openSloFile(location, entityFile)!;
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    return {
      slos: [],
      problems: [problem(`cannot read ${location} (${code})`)],
    };
  }
  const parsed = parseOpenSloDocuments(text, {
    entityRef: spec.entityRef,
    defaultWindow,
  });
  const taken = new Set(spec.slos.map(slo => slo.name));
  const problems = [...parsed.problems];
  const slos = parsed.slos.filter(slo => {
    if (taken.has(slo.name)) {
      problems.push(
        problem(
          `SLO "${slo.name}" of ${location} is already defined by another annotation`,
        ),
      );
      return false;
    }
    taken.add(slo.name);
    return true;
  });
  return { slos, problems };
}
