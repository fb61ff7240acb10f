/*
 * Validates Lookout annotations at catalog ingestion. Problems are logged once per change of the
 * entity's problem set; in strict mode, errors also become the entity's processing errors (the
 * catalog then keeps the entity's last valid version).
 */
import { LoggerService } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  CatalogProcessor,
  CatalogProcessorCache,
  CatalogProcessorEmit,
  LocationSpec,
  processingResult,
} from '@backstage/plugin-catalog-node';
import {
  hasAlertReceivers,
  isObservabilityAvailable,
  ObservabilityProblem,
  ParseOptions,
  parseAlertReceivers,
  parseObservabilitySpec,
} from '@lookout/plugin-observability-common';
import { ValidationMode } from '@lookout/plugin-observability-node';

/** Formats a problem as the CLI prints it: `<annotation>[.<path>]: <message>`. */
export function formatProblem(problem: ObservabilityProblem): string {
  const where = problem.path
    ? `${problem.annotation}${problem.path.startsWith('[') ? '' : '.'}${
        problem.path
      }`
    : problem.annotation;
  return `${where}: ${problem.message}`;
}

/** Catalog processor validating `lookout.dev/*` annotations. @public */
export class ObservabilityAnnotationProcessor implements CatalogProcessor {
  constructor(
    private readonly options: {
      logger: LoggerService;
      mode: ValidationMode;
      parseOptions: ParseOptions;
    },
  ) {}

  getProcessorName(): string {
    return 'ObservabilityAnnotationProcessor';
  }

  async postProcessEntity(
    entity: Entity,
    location: LocationSpec,
    emit: CatalogProcessorEmit,
    cache: CatalogProcessorCache,
  ): Promise<Entity> {
    const observed = isObservabilityAvailable(entity);
    if (!observed && !hasAlertReceivers(entity)) {
      return entity;
    }
    // A Group (or any entity) that only says where alerts go: its routing annotations alone.
    const { problems } = observed
      ? parseObservabilitySpec(entity, this.options.parseOptions)
      : parseAlertReceivers(entity);
    const lines = problems.map(p => `${p.severity}: ${formatProblem(p)}`);

    const previous = await cache.get<string[]>('problems');
    if (JSON.stringify(previous ?? []) !== JSON.stringify(lines)) {
      await cache.set('problems', lines);
      if (lines.length > 0) {
        this.options.logger.warn(
          `Lookout annotations of ${stringifyEntityRef(entity)} have ${
            problems.length
          } problem(s)`,
          { entity: stringifyEntityRef(entity), problems: lines.join('; ') },
        );
      }
    } else if (lines.length > 0) {
      // Unchanged problems: keep them cached without logging again.
      await cache.set('problems', lines);
    }

    if (this.options.mode === 'strict') {
      for (const problem of problems) {
        if (problem.severity === 'error') {
          emit(processingResult.inputError(location, formatProblem(problem)));
        }
      }
    }
    return entity;
  }
}
