/*
 * The CLI's settings: the `observability` keys of the app-config files given with --config
 * (readConfigFiles.ts), read by the same function as the backend's, so both render alike.
 */
import { Config } from '@backstage/config';
import {
  ObservabilitySettings,
  readGrafanaOperatorOptions,
  readObservabilityConfig,
} from '../config/readObservabilityConfig';
import { GrafanaOperatorOptions } from '../render/dashboard/grafanaDashboardObject';
import { readConfigFiles } from './readConfigFiles';
import { UsageError } from './usage';

/** Settings of a CLI run. */
export interface CliSettings extends ObservabilitySettings {
  /**
   * `observability.render.grafanaOperator`: when set, the operator format also holds a
   * grafana-operator `GrafanaDashboard` per dashboard, e.g.
   * `{ instanceSelector: { matchLabels: { dashboards: grafana } } }`.
   */
  grafanaOperator?: GrafanaOperatorOptions;
  /**
   * Folders (absolute) the CLI may read OpenSLO documents from besides the folder of the
   * entity's catalog file: `--allow-read`.
   */
  allowRead?: string[];
}

/** The settings of a config read by {@link readConfigFiles}. */
export function settingsFromConfig(config: Config): CliSettings {
  try {
    return {
      ...readObservabilityConfig(config),
      grafanaOperator: readGrafanaOperatorOptions(config),
    };
  } catch (error) {
    throw new UsageError(`--config: ${(error as Error).message}`);
  }
}

/** Reads the settings from the config files (absolute paths), later files overriding earlier. */
export async function readSettings(
  files: string[],
  env: NodeJS.ProcessEnv,
): Promise<CliSettings> {
  return settingsFromConfig(await readConfigFiles(files, env));
}
