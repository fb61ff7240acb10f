/*
 * Checks a catalog document's Lookout annotations with the parser the catalog uses: the spec it
 * yields and its problems, each also as one line the way the CLI prints it.
 */
import {
  parseObservabilitySpec,
  ParseOptions,
  ParseResult,
} from '@lookout/plugin-observability-common';
import { formatProblem } from '@lookout/plugin-observability-node';
import { CatalogDocument } from './catalogDocuments';

/**
 * Options of the Lookout scaffolder actions.
 * @public
 */
export interface AnnotationsActionOptions {
  /** The parser's options (`observability.presets`, ...), as the catalog module reads them. */
  parseOptions?: ParseOptions;
}

/** What the parser made of one document. */
export interface AnnotationsCheck extends ParseResult {
  /** `problems`, one line each, prefixed with the document's entity ref. */
  lines: string[];
}

/** Parses `document`'s entity as the catalog would. */
export function checkAnnotations(
  document: CatalogDocument,
  parseOptions?: ParseOptions,
): AnnotationsCheck {
  const { spec, problems } = parseObservabilitySpec(
    document.entity,
    parseOptions,
  );
  const lines = problems.map(problem =>
    formatProblem(document.entityRef, problem),
  );
  return { spec, problems, lines };
}
