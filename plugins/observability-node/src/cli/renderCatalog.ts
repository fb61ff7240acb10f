/*
 * Parses and renders every Lookout-annotated entity of a catalog, collecting each entity's
 * problems. An entity with an error is reported and not rendered; the others always are.
 */
import path from 'node:path';
import {
  ANNOTATION_SLO_WINDOW,
  DEFAULT_SLO_WINDOW,
  isObservabilityAvailable,
  ObservabilityProblem,
  parseObservabilitySpec,
  parseSloWindow,
} from '@lookout/plugin-observability-common';
import { renderEntity, RenderParts } from '../render/renderEntity';
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

/** Default window of OpenSLO documents without one: the entity's `lookout.dev/slo-window`. */
function defaultSloWindow(input: CatalogEntity): string {
  const value = input.entity.metadata.annotations?.[ANNOTATION_SLO_WINDOW];
  const window = value === undefined ? undefined : parseSloWindow(value);
  return window?.ok ? window.value : DEFAULT_SLO_WINDOW;
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
  const shown = (file: string) =>
    options.base ? path.relative(options.base, file) || file : file;
  const seen = new Map<string, string>();
  for (const item of entities) {
    if (!isObservabilityAvailable(item.entity)) {
      continue;
    }
    const { spec, problems } = parseObservabilitySpec(
      item.entity,
      settings.parseOptions,
    );
    const outcome: EntityOutcome = {
      entityRef: spec.entityRef,
      file: item.file,
      problems: [...problems],
    };
    const first = seen.get(spec.entityRef);
    if (first !== undefined) {
      outcome.problems = [
        {
          severity: 'error',
          annotation: 'metadata.name',
          path: '',
          message: `the entity is defined twice (${shown(first)} and ${shown(
            item.file,
          )}); only the first is rendered`,
        },
      ];
      yield outcome;
      continue;
    }
    seen.set(spec.entityRef, item.file);
    const openSlo = await resolveOpenSlo(
      spec,
      item.file,
      defaultSloWindow(item),
    );
    outcome.problems.push(...openSlo.problems);
    if (hasError(outcome.problems)) {
      yield outcome;
      continue;
    }
    const input: RenderInput = {
      entity: item.entity,
      spec: { ...spec, slos: [...spec.slos, ...openSlo.slos] },
    };
    const render = renderEntity(input, settings.renderOptions, options.parts);
    outcome.problems.push(...render.problems);
    if (!hasError(render.problems)) {
      outcome.render = render;
      outcome.input = input;
    }
    yield outcome;
  }
}

/** Whether an outcome blocks the entity from being written. */
export function isInvalid(outcome: EntityOutcome): boolean {
  return hasError(outcome.problems);
}
