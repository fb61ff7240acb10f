/*
 * Recorded upstream bodies of src/signals/__fixtures__ (see its README), for msw handlers.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', 'signals', '__fixtures__');

/** The text of a fixture, e.g. `loki/error-401-no-org-id.txt`. */
export function fixtureText(path: string): string {
  return readFileSync(join(ROOT, path), 'utf8');
}

/** The parsed JSON of a fixture, e.g. `tempo/search-traceql.json`. */
export function fixtureJson<T = unknown>(path: string): T {
  return JSON.parse(fixtureText(path)) as T;
}
