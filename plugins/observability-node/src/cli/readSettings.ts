/*
 * The CLI's settings: the `observability` keys of the app-config files given with --config, read
 * by the same function as the backend's, so both render alike.
 *
 * The files are read as plain YAML: `${VAR}` is replaced by the environment variable (as
 * Backstage does: `$${` escapes, a value naming an unset variable is left out);
 * `$include`/`$file` are not supported.
 */
import fs from 'node:fs/promises';
import {
  AppConfig,
  ConfigReader,
  JsonObject,
  JsonValue,
} from '@backstage/config';
import { parse } from 'yaml';
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
 * Replaces `${VAR}` with the environment variable, as Backstage's config loader does: a value that
 * names an unset variable is left out (so an earlier file's value, or the default, applies).
 */
function substitute(
  value: JsonValue,
  env: NodeJS.ProcessEnv,
): JsonValue | undefined {
  if (typeof value === 'string') {
    let missing = false;
    const result = value.replace(
      /\$(\$?)\{([^{}]*)\}/g,
      (match, escaped: string, name: string) => {
        if (escaped) {
          return match.slice(1);
        }
        const replacement = env[name.trim()];
        if (replacement === undefined) {
          missing = true;
          return '';
        }
        return replacement;
      },
    );
    return missing ? undefined : result;
  }
  if (Array.isArray(value)) {
    return value
      .map(v => substitute(v, env))
      .filter((v): v is JsonValue => v !== undefined);
  }
  if (value !== null && typeof value === 'object') {
    const result: JsonObject = {};
    for (const [key, v] of Object.entries(value)) {
      const substituted = substitute(v as JsonValue, env);
      if (substituted !== undefined) {
        result[key] = substituted;
      }
    }
    return result;
  }
  return value;
}

async function readConfigFile(
  file: string,
  env: NodeJS.ProcessEnv,
): Promise<AppConfig> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch {
    throw new UsageError(`--config ${file}: no such file`);
  }
  let data: unknown;
  try {
    data = parse(text) ?? {};
  } catch (error) {
    throw new UsageError(
      `--config ${file}: not valid YAML: ${(error as Error).message}`,
    );
  }
  if (typeof data !== 'object' || Array.isArray(data) || data === null) {
    throw new UsageError(`--config ${file}: not a YAML mapping`);
  }
  return {
    context: file,
    data: substitute(data as JsonObject, env) as JsonObject,
  };
}

/** Reads the settings from the config files (absolute paths), later files overriding earlier. */
export async function readSettings(
  files: string[],
  env: NodeJS.ProcessEnv,
): Promise<CliSettings> {
  const configs: AppConfig[] = [];
  for (const file of files) {
    configs.push(await readConfigFile(file, env));
  }
  const config = ConfigReader.fromConfigs(configs);
  try {
    return {
      ...readObservabilityConfig(config),
      grafanaOperator: readGrafanaOperatorOptions(config),
    };
  } catch (error) {
    throw new UsageError(`--config: ${(error as Error).message}`);
  }
}
