/*
 * Parses and renders every Lookout-annotated entity of a catalog, collecting each entity's
 * problems. An entity with an error is reported and not rendered; the others always are.
 */
import path from 'node:path';
import {
  isObservabilityAvailable,
  ObservabilityProblem,
  ObservabilitySpec,
  parseObservabilitySpec,
} from '@lookout/plugin-observability-common';
import { renderEntity, RenderParts } from '../render/renderEntity';
import { entityNameProblem } from '../render/scrape/entitySlug';
import { EntityRender, RenderInput } from '../render/types';
import { CliSettings } from './readSettings';
import { CatalogEntity } from './readCatalog';
import { resolveOpenSlo } from './resolveOpenSlo';

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

/** Parses the Lookout annotations of an entity that has some (`isObservabilityAvailable`). */
export function parseCatalogEntity(
  item: CatalogEntity,
  settings: CliSettings,
): EntityOutcome & { spec: ObservabilitySpec } {
  const { spec, problems } = parseObservabilitySpec(
    item.entity,
    settings.parseOptions,
  );
  // A ref outside Backstage's rules cannot be named (DESIGN §4): reported like an annotation.
  const badName = entityNameProblem(spec.entityRef);
  return {
    entityRef: spec.entityRef,
    file: item.file,
    problems: badName
      ? [
          {
            severity: 'error',
            annotation: badName.field,
            path: '',
            message: badName.message,
          },
        ]
      : [...problems],
    spec,
  };
}

/**
 * Renders a parsed entity (after resolving its OpenSLO documents) unless it has errors: the rest
 * of {@link renderCatalog}'s work for one entity.
 */
export async function renderParsedEntity(
  parsed: EntityOutcome & { spec: ObservabilitySpec },
  item: CatalogEntity,
  settings: CliSettings,
  parts: RenderParts | undefined,
): Promise<EntityOutcome> {
  const { spec, ...outcome } = parsed;
  const openSlo = await resolveOpenSlo(
    item.entity,
    spec,
    item.file,
    settings.allowRead,
  );
  outcome.problems.push(...openSlo.problems);
  if (hasError(outcome.problems)) {
    return outcome;
  }
  const input: RenderInput = {
    entity: item.entity,
    spec: { ...spec, slos: openSlo.slos },
  };
  const render = renderEntity(input, settings.renderOptions, parts);
  outcome.problems.push(...render.problems);
  if (!hasError(render.problems)) {
    outcome.render = render;
    outcome.input = input;
  }
  return outcome;
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
    const parsed = parseCatalogEntity(item, settings);
    const first = seen.get(parsed.entityRef);
    if (first !== undefined) {
      yield {
        entityRef: parsed.entityRef,
        file: item.file,
        problems: [duplicateProblem(first, item.file, options.base)],
      };
      continue;
    }
    seen.set(parsed.entityRef, item.file);
    yield await renderParsedEntity(parsed, item, settings, options.parts);
  }
}

/** Whether an outcome blocks the entity from being written. */
export function isInvalid(outcome: {
  problems: ObservabilityProblem[];
}): boolean {
  return hasError(outcome.problems);
}
