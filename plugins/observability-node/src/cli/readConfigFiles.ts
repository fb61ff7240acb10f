/*
 * The app-config files given with --config, read by Backstage's config loader
 * (`@backstage/config-loader`) as the backend reads them: `${VAR}` substitution (`$${` escapes, a
 * value naming an unset variable is left out), `$include`, `$file` and `$env`.
 *
 * Apart from readSettings.ts, which interprets the `observability` keys, because a run the stamp
 * answers (runStamp.ts) needs the config but not the code that interprets it.
 */
import fs from 'node:fs/promises';
import { Config, ConfigReader } from '@backstage/config';
import type * as ConfigLoader from '@backstage/config-loader';
import { UsageError } from './usage';

/**
 * Reads the config files (absolute paths), later files overriding earlier ones, with `${VAR}`
 * taken from `env`.
 */
export async function readConfigFiles(
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
  // Required here rather than imported: `lookout --help` (quickRun.ts) does without its 470
  // modules.
  const {
    ConfigSources,
    FileConfigSource,
  }: typeof ConfigLoader = require('@backstage/config-loader');
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
