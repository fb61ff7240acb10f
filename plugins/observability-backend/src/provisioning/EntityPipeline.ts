/*
 * From a catalog entity to what the sinks get: its input hash (to skip unchanged entities before
 * any work), its OpenSLO documents read through the URL reader, then the render of the pipeline
 * the CLI shares (`renderAnnotatedEntity`), with the render's hash.
 * An entity with an annotation error is not rendered: its last good objects stay in place.
 */
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  ObservabilityProblem,
  parseObservabilitySpec,
  RoutedEntity,
} from '@lookout/plugin-observability-common';
import {
  entityNameProblem,
  entitySlug,
  EntityRender,
  ObservabilitySettings,
  openSloLocation,
  OpenSloText,
  renderAlertmanagerConfigs,
  renderAnnotatedEntity,
  routingOf,
} from '@lookout/plugin-observability-node';
import { inputHash, renderHash, valueHash } from './hashing';
import { OpenSloReader } from './OpenSloReader';

/** An entity read from the catalog, hashed, with its OpenSLO documents read. */
export interface PreparedEntity {
  entity: Entity;
  entityRef: string;
  slug: string;
  inputHash: string;
  /** The OpenSLO documents' text, or why they could not be read. */
  openSlo?: OpenSloText;
}

/** The result of rendering a prepared entity. */
export type RenderOutcome =
  | { ok: true; render: EntityRender; hash: string }
  | {
      ok: false;
      error: string;
      /** Whether retrying may help (an unreadable document) rather than an edit of the entity. */
      transient: boolean;
    };

function describe(problem: ObservabilityProblem): string {
  const at = !problem.path
    ? problem.annotation
    : `${problem.annotation}${problem.path.startsWith('[') ? '' : '.'}${
        problem.path
      }`;
  return `${at}: ${problem.message}`;
}

function errorsOf(problems: ObservabilityProblem[]): string | undefined {
  const errors = problems.filter(p => p.severity === 'error');
  return errors.length > 0 ? errors.map(describe).join('; ') : undefined;
}

/** Hashes, parses and renders entities with one set of settings. */
export class EntityPipeline {
  private readonly settingsHash: string;

  constructor(
    private readonly settings: ObservabilitySettings,
    private readonly openSlo?: OpenSloReader,
  ) {
    this.settingsHash = valueHash(settings);
  }

  async prepare(entity: Entity): Promise<PreparedEntity> {
    const entityRef = stringifyEntityRef(entity);
    const location = openSloLocation(entity);
    let openSlo: PreparedEntity['openSlo'];
    if (location) {
      if (!this.openSlo) {
        openSlo = {
          error: 'OpenSLO documents cannot be read here (no URL reader)',
        };
      } else {
        try {
          openSlo = { text: await this.openSlo.readText(entity, location) };
        } catch (error) {
          openSlo = { error: (error as Error).message };
        }
      }
    }
    return {
      entity,
      entityRef,
      // A ref outside Backstage's rules has no name; render() reports why.
      slug: entityNameProblem(entityRef) ? '' : entitySlug(entityRef),
      inputHash: inputHash(
        entity,
        this.settingsHash,
        openSlo === undefined ? '' : JSON.stringify(openSlo),
      ),
      openSlo,
    };
  }

  /** What the routing needs of an entity: its parsed annotations. */
  routedEntity(entity: Entity): RoutedEntity {
    return {
      entity,
      spec: parseObservabilitySpec(entity, this.settings.parseOptions).spec,
    };
  }

  /**
   * The routing objects of the catalog (one render per owning team, named after its Group),
   * from the rendered entities and their owners' Group entities.
   */
  routingRenders(
    entities: RoutedEntity[],
    groupOf: (groupRef: string) => Entity | undefined,
  ): EntityRender[] {
    const { alerting, renderOptions } = this.settings;
    return renderAlertmanagerConfigs(
      routingOf(entities, groupOf, alerting),
      alerting,
      renderOptions,
    );
  }

  render(prepared: PreparedEntity): RenderOutcome {
    try {
      // Sinks provision rules, not their promtool tests: skip generating those (≈15% of the CPU).
      const outcome = renderAnnotatedEntity(
        prepared.entity,
        prepared.openSlo,
        this.settings,
        { ruleTests: false },
      );
      if (outcome.render) {
        return {
          ok: true,
          render: outcome.render,
          hash: renderHash(outcome.render),
        };
      }
      const errors = errorsOf(outcome.problems) ?? 'unknown error';
      switch (outcome.failedAt) {
        case 'openslo':
          // The documents could not be read: retrying may help, unlike an edit of the entity.
          return { ok: false, error: errors, transient: true };
        case 'render':
          return {
            ok: false,
            error: `render errors: ${errors}`,
            transient: false,
          };
        default:
          return {
            ok: false,
            error: `annotation errors: ${errors}`,
            transient: false,
          };
      }
    } catch (error) {
      return {
        ok: false,
        error: `render failed: ${(error as Error).message}`,
        transient: false,
      };
    }
  }
}
