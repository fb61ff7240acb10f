/*
 * From a catalog entity to its render: the one pipeline the backend's provisioning and the
 * `lookout` CLI share (parse the annotations, check the ref can be named, join the OpenSLO
 * documents, render), so that both give the same objects and the same problems for an entity.
 * Reading the OpenSLO documents is the caller's (the backend through the URL reader, the CLI
 * from the catalog's folder); an entity with an error is not rendered.
 */
import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_OPENSLO,
  entityIdentity,
  mergeOpenSloSlos,
  ObservabilityProblem,
  ParseOptions,
  parseObservabilitySpec,
} from '@lookout/plugin-observability-common';
import { renderEntity, RenderParts } from './renderEntity';
import { entityNameProblem } from './scrape/entitySlug';
import { EntityRender, RenderInput, RenderOptions } from './types';

/** The text of an entity's OpenSLO documents, or why it could not be read. @public */
export type OpenSloText = { text: string } | { error: string };

/** Where the pipeline stopped for an entity with an error. @public */
export type AnnotatedEntityStage = 'annotations' | 'openslo' | 'render';

/** The outcome of {@link renderAnnotatedEntity}. @public */
export interface AnnotatedEntityRender {
  entityRef: string;
  /** Every problem found, in order: annotations (and the ref), OpenSLO, render. */
  problems: ObservabilityProblem[];
  /** Absent when the entity has an error. */
  render?: EntityRender;
  /** What the entity was rendered from; absent when it has an error. */
  input?: RenderInput;
  /** The first stage with an error, when there is one. */
  failedAt?: AnnotatedEntityStage;
}

function hasError(problems: ObservabilityProblem[]): boolean {
  return problems.some(p => p.severity === 'error');
}

/**
 * The `lookout.dev/openslo` value of an entity, trimmed; undefined when it names none.
 * @public
 */
export function openSloLocation(entity: Entity): string | undefined {
  const value = entity.metadata.annotations?.[ANNOTATION_OPENSLO];
  return typeof value === 'string' && value.trim() !== ''
    ? value.trim()
    : undefined;
}

/**
 * Parses, names, joins the OpenSLO documents of and renders one entity.
 *
 * @public
 */
export function renderAnnotatedEntity(
  entity: Entity,
  openSlo: OpenSloText | undefined,
  settings: { parseOptions: ParseOptions; renderOptions: RenderOptions },
  parts?: RenderParts,
): AnnotatedEntityRender {
  const { spec, problems: parsed } = parseObservabilitySpec(
    entity,
    settings.parseOptions,
  );
  const { entityRef } = spec;
  // A ref outside Backstage's rules cannot be named (DESIGN §4): reported like an annotation.
  const badName = entityNameProblem(entityIdentity(entity));
  const problems: ObservabilityProblem[] = badName
    ? [
        {
          severity: 'error',
          annotation: badName.field,
          path: '',
          message: badName.message,
        },
      ]
    : [...parsed];
  let failedAt: AnnotatedEntityStage | undefined = hasError(problems)
    ? 'annotations'
    : undefined;
  let slos = spec.slos;
  if (openSlo && 'error' in openSlo) {
    problems.push({
      severity: 'error',
      annotation: ANNOTATION_OPENSLO,
      path: '',
      message: openSlo.error,
    });
    failedAt ??= 'openslo';
  } else if (openSlo && !badName) {
    const merged = mergeOpenSloSlos(entity, spec, openSlo.text);
    problems.push(...merged.problems);
    slos = merged.slos;
    if (hasError(merged.problems)) {
      failedAt ??= 'annotations';
    }
  }
  if (failedAt) {
    return { entityRef, problems, failedAt };
  }
  const input: RenderInput = { entity, spec: { ...spec, slos } };
  const render = renderEntity(input, settings.renderOptions, parts);
  problems.push(...render.problems);
  if (hasError(render.problems)) {
    return { entityRef, problems, failedAt: 'render' };
  }
  return { entityRef, problems, render, input };
}
