/*
 * The CLI's settings: the `observability` keys of the app-config files given with --config, read
 * by the same function as the backend's, so both render alike.
 *
 * The files are read by Backstage's config loader (`@backstage/config-loader`), as the backend
 * reads them: `${VAR}` substitution (`$${` escapes, a value naming an unset variable is left
 * out), `$include`, `$file` and `$env`.
 */
import fs from 'node:fs/promises';
import { Config, ConfigReader } from '@backstage/config';
import { ConfigSources, FileConfigSource } from '@backstage/config-loader';
import {
  ObservabilitySettings,
  readGrafanaOperatorOptions,
  readObservabilityConfig,
} from '../config/readObservabilityConfig';
import { GrafanaOperatorOptions } from '../render/dashboard/grafanaDashboardObject';
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

/**
 * Reads the config files with Backstage's config loader, later files overriding earlier ones,
 * with `${VAR}` taken from `env`.
 */
async function readConfig(
  files: string[],
  env: NodeJS.ProcessEnv,
): Promise<Config> {
  for (const file of files) {
    try {
      await fs.access(file);
    } catch {
      throw new UsageError(`--config ${file}: no such file`);
    }
  }
  if (files.length === 0) {
    return new ConfigReader({});
  }
  const substitutionFunc = async (name: string) => env[name.trim()];
  const source = ConfigSources.merge(
    files.map(file =>
      FileConfigSource.create({ path: file, watch: false, substitutionFunc }),
    ),
  );
  let config;
  try {
    config = await ConfigSources.toConfig(source);
  } catch (error) {
    const { name, message } = error as Error;
    throw new UsageError(
      name.startsWith('YAML')
        ? `--config: not valid YAML: ${message.split('\n')[0]}`
        : `--config: ${message}`,
    );
  }
  config.close();
  return config;
}

/** Reads the settings from the config files (absolute paths), later files overriding earlier. */
export async function readSettings(
  files: string[],
  env: NodeJS.ProcessEnv,
): Promise<CliSettings> {
  const config = await readConfig(files, env);
  try {
    return {
      ...readObservabilityConfig(config),
      grafanaOperator: readGrafanaOperatorOptions(config),
    };
  } catch (error) {
    throw new UsageError(`--config: ${(error as Error).message}`);
  }
}
