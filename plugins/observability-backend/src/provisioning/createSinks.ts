/*
 * Creates the configured sinks from the built-in factories and those added through the
 * `observability.sinks` extension point.
 */
import { LoggerService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import {
  kustomizeSinkFactory,
  prometheusFilesSinkFactory,
  alertmanagerFilesSinkFactory,
  ProvisioningSink,
  RenderOptions,
  SinkFactory,
} from '@lookout/plugin-observability-node';
import { SinkEntry } from './readProvisioningConfig';
import {
  grafanaSinkFactory,
  kubernetesSinkFactory,
} from './sinks/backendSinkFactories';

/** The sink types every Lookout backend has. */
export const BUILT_IN_SINK_FACTORIES: SinkFactory[] = [
  kustomizeSinkFactory,
  prometheusFilesSinkFactory,
  alertmanagerFilesSinkFactory,
  kubernetesSinkFactory,
  grafanaSinkFactory,
];

/** Collects factories by type; a type added twice is an error. */
export function sinkFactoriesByType(
  added: SinkFactory[],
): Map<string, SinkFactory> {
  const byType = new Map<string, SinkFactory>();
  for (const factory of [...BUILT_IN_SINK_FACTORIES, ...added]) {
    if (byType.has(factory.type)) {
      throw new Error(
        `observability.sinks: sink type "${factory.type}" is added twice`,
      );
    }
    byType.set(factory.type, factory);
  }
  return byType;
}

/** One sink per configuration entry. Throws naming the entry when its type is unknown. */
export async function createSinks(options: {
  entries: SinkEntry[];
  factories: Map<string, SinkFactory>;
  rootConfig: Config;
  logger: LoggerService;
  renderOptions: RenderOptions;
}): Promise<ProvisioningSink[]> {
  const sinks: ProvisioningSink[] = [];
  for (const [index, entry] of options.entries.entries()) {
    const factory = options.factories.get(entry.type);
    if (!factory) {
      throw new Error(
        `observability.provisioning.sinks[${index}].type: unknown sink type "${
          entry.type
        }" (known: ${[...options.factories.keys()].join(', ')})`,
      );
    }
    const sink = await factory.create({
      config: entry.config,
      rootConfig: options.rootConfig,
      name: entry.name,
      logger: options.logger.child({ sink: entry.name }),
      renderOptions: options.renderOptions,
    });
    if (sink.name !== entry.name) {
      // The status is keyed by the configured name.
      throw new Error(
        `observability.provisioning.sinks[${index}]: the "${entry.type}" factory created a sink named "${sink.name}" instead of "${entry.name}"`,
      );
    }
    sinks.push(sink);
  }
  return sinks;
}
