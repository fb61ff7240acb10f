/*
 * An entity's outcome with its render laid out as files: what the output folder needs, and all
 * a render worker sends back (the render itself stays in the worker).
 */
import { ObservabilityProblem } from '@lookout/plugin-observability-common';
import { operatorEntityFiles } from '../render/output/operatorFiles';
import { prometheusEntityFiles } from '../render/output/prometheusFiles';
import { OutputFormat, RenderedFile, RenderInput } from '../render/types';
import { CliSettings } from './readSettings';
import { EntityOutcome } from './renderCatalog';

/** One entity of the catalog, ready to be written. */
export interface EntityFiles {
  entityRef: string;
  /** The catalog file the entity was read from. */
  file: string;
  problems: ObservabilityProblem[];
  /** Absent when the entity has errors (nothing is written for it). */
  files?: RenderedFile[];
  /** Folder of the entity in the operator format. */
  slug?: string;
  /** What the entity was rendered from: the routing outputs need it. */
  input?: RenderInput;
}

/** Lays an entity's render out as files in `format`. */
export function entityFiles(
  outcome: EntityOutcome,
  format: OutputFormat,
  settings: CliSettings,
): EntityFiles {
  const { entityRef, file, problems, render, input } = outcome;
  if (!render || !input) {
    return { entityRef, file, problems };
  }
  if (format === 'operator') {
    return {
      entityRef,
      file,
      problems,
      slug: render.slug,
      files: operatorEntityFiles(render, {
        grafanaOperator: settings.grafanaOperator,
      }),
      input,
    };
  }
  return {
    entityRef,
    file,
    problems,
    slug: render.slug,
    files: prometheusEntityFiles(render),
    input,
  };
}
