/*
 * Renders every Lookout-annotated entity of a catalog through the pipeline the backend shares
 * (`renderAnnotatedEntity`), collecting each entity's problems. An entity with an error is
 * reported and not rendered; the others always are.
 */
import path from 'node:path';
import {
  entityIdentity,
  isObservabilityAvailable,
  ObservabilityProblem,
} from '@lookout/plugin-observability-common';
import {
  openSloLocation,
  renderAnnotatedEntity,
} from '../render/renderAnnotatedEntity';
import { RenderParts } from '../render/renderEntity';
import { EntityRender, RenderInput } from '../render/types';
import { CliSettings } from './readSettings';
import { CatalogEntity } from './readCatalog';
import { readOpenSloText } from './resolveOpenSlo';

/** The outcome for one entity. */
export interface EntityOutcome {
  entityRef: string;
  file: string;
  problems: ObservabilityProblem[];
  /** Absent when the entity has errors. */
  render?: EntityRender;
  input?: RenderInput;
}

function hasError(problems: ObservabilityProblem[]): boolean {
  return problems.some(p => p.severity === 'error');
}

/** The error of the second entity with a ref that an earlier catalog entity already has. */
export function duplicateProblem(
  firstFile: string,
  file: string,
  base: string | undefined,
): ObservabilityProblem {
  const shown = (f: string) => (base ? path.relative(base, f) || f : f);
  return {
    severity: 'error',
    annotation: 'metadata.name',
    path: '',
    message: `the entity is defined twice (${shown(firstFile)} and ${shown(
      file,
    )}); only the first is rendered`,
  };
}

/** The ref of a catalog entity, read without trusting its shape (as the parser reads it). */
export function catalogEntityRef(item: CatalogEntity): string {
  return entityIdentity(item.entity).entityRef;
}

/**
 * Reads the entity's OpenSLO documents (inside its catalog file's folder) and renders it through
 * the pipeline the backend uses ({@link renderAnnotatedEntity}): the rest of
 * {@link renderCatalog}'s work for one entity.
 */
export async function renderCatalogEntity(
  item: CatalogEntity,
  settings: CliSettings,
  parts: RenderParts | undefined,
): Promise<EntityOutcome> {
  const location = openSloLocation(item.entity);
  const outcome = renderAnnotatedEntity(
    item.entity,
    location === undefined
      ? undefined
      : readOpenSloText(location, item.file, settings.allowRead),
    settings,
    parts,
  );
  return {
    entityRef: outcome.entityRef,
    file: item.file,
    problems: outcome.problems,
    render: outcome.render,
    input: outcome.input,
  };
}

/**
 * Renders the entities with Lookout annotations one by one, in catalog order, so that a caller
 * can write each before the next is rendered. A second entity with the same ref is reported and
 * skipped.
 */
export async function* renderCatalog(
  entities: CatalogEntity[],
  settings: CliSettings,
  options: { parts?: RenderParts; base?: string } = {},
): AsyncGenerator<EntityOutcome> {
  const seen = new Map<string, string>();
  for (const item of entities) {
    if (!isObservabilityAvailable(item.entity)) {
      continue;
    }
    const entityRef = catalogEntityRef(item);
    const first = seen.get(entityRef);
    if (first !== undefined) {
      yield {
        entityRef,
        file: item.file,
        problems: [duplicateProblem(first, item.file, options.base)],
      };
      continue;
    }
    seen.set(entityRef, item.file);
    yield await renderCatalogEntity(item, settings, options.parts);
  }
}

/** Whether an outcome blocks the entity from being written. */
export function isInvalid(outcome: {
  problems: ObservabilityProblem[];
}): boolean {
  return hasError(outcome.problems);
}
