/*
 * The documents of an OpenSLO text in the three forms projects write them: one document, a
 * multi-document stream (`---`), and a top-level YAML list of documents (the form of the OpenSLO
 * Go SDK's and `oslo`'s examples), mixed as they come. Each document is located by its path:
 * `doc[1]` for the second document of a stream, `doc[0][2]` for the third item of a list.
 */
import YAML from 'yaml';
import { isPlainMap } from '../validation/describeValue';
import { problemMessages } from '../validation/problemMessages';
import { OpenSloPath, OpenSloProblems } from './openSloProblems';

/** The OpenSLO versions Lookout reads. @internal */
export const OPENSLO_VERSIONS = ['openslo/v1', 'openslo/v1alpha'] as const;

/** One version of OpenSLO. @internal */
export type OpenSloVersion = (typeof OPENSLO_VERSIONS)[number];

/** One OpenSLO document with a known version. @internal */
export interface OpenSloDocument {
  path: OpenSloPath;
  version: OpenSloVersion;
  kind: string;
  /** `metadata.name` when it is text. */
  name?: string;
  body: Record<string, unknown>;
}

const EXPECTED_DOCUMENT =
  'expected an OpenSLO document with apiVersion, kind, metadata and spec';

/** Reads every document of `text`; reports what is not an OpenSLO document. @internal */
export function readOpenSloDocuments(
  text: string,
  problems: OpenSloProblems,
): OpenSloDocument[] {
  let documents: YAML.Document.Parsed[];
  try {
    const parsed = YAML.parseAllDocuments(text, { prettyErrors: true });
    documents = Array.isArray(parsed) ? parsed : [];
  } catch (e) {
    problems.error(
      [],
      problemMessages.notValidYaml(e instanceof Error ? e.message : String(e)),
    );
    return [];
  }
  const docs: OpenSloDocument[] = [];
  documents.forEach((document, index) => {
    const path: OpenSloPath = ['doc', index];
    if (document.errors.length > 0) {
      problems.error(
        path,
        problemMessages.notValidYaml(document.errors[0].message.split('\n')[0]),
      );
      return;
    }
    let body: unknown;
    try {
      body = document.toJS({ maxAliasCount: 100 });
    } catch (e) {
      problems.error(
        path,
        problemMessages.notValidYaml(
          e instanceof Error ? e.message : String(e),
        ),
      );
      return;
    }
    if (body === null || body === undefined) {
      return; // an empty document, e.g. after a trailing ---
    }
    if (Array.isArray(body)) {
      body.forEach((item, itemIndex) =>
        readDocument(item, [...path, itemIndex], problems, docs),
      );
      return;
    }
    readDocument(body, path, problems, docs);
  });
  return docs;
}

function readDocument(
  body: unknown,
  path: OpenSloPath,
  problems: OpenSloProblems,
  docs: OpenSloDocument[],
): void {
  if (!isPlainMap(body)) {
    problems.error(
      path,
      problemMessages.foundExpected(body, EXPECTED_DOCUMENT),
    );
    return;
  }
  const version = OPENSLO_VERSIONS.find(v => v === body.apiVersion);
  if (!version) {
    problems.error(
      [...path, 'apiVersion'],
      problemMessages.foundExpected(
        body.apiVersion,
        `expected ${OPENSLO_VERSIONS.join(
          ' or ',
        )} (other OpenSLO versions are not supported)`,
      ),
    );
    return;
  }
  if (typeof body.kind !== 'string') {
    problems.error(
      [...path, 'kind'],
      problemMessages.foundExpected(
        body.kind,
        'expected the kind of the document, e.g. SLO',
      ),
    );
    return;
  }
  const metadata = isPlainMap(body.metadata) ? body.metadata : {};
  const name = typeof metadata.name === 'string' ? metadata.name : undefined;
  docs.push({ path, version, kind: body.kind, name, body });
}

/** `doc[2]` or `doc[0][1]`: how problems refer to another document. @internal */
export function documentLabel(path: OpenSloPath): string {
  return path
    .map(segment => (typeof segment === 'number' ? `[${segment}]` : segment))
    .join('');
}
