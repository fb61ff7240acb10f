/*
 * What the `lookout` CLI answers without loading the catalog reader, the settings or the render
 * engine: `--help`, and a `render` the run stamp answers (runStamp.ts). Starting Node and loading
 * modules is most of what those runs cost (docs/benchmarks.md, "Behind the one writer"), so
 * bin/lookout runs this module first and loads main.ts, which imports all the rest, only when it
 * has no answer. `runCli` (main.ts) starts with it too, so both answer alike.
 *
 * This module imports nothing that renders: keep it so (cli.test.ts lists what such runs load).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '@backstage/config';
import type { CliIo } from './main';
import { baseDirectory } from './baseDirectory';
import { isBackendCommand, parseCommand, RenderCommand } from './parseCommand';
import { readConfigFiles } from './readConfigFiles';
import { readStamp, stampFile, stampKey, StampedOutcome } from './runStamp';
import { USAGE } from './usage';

/** This package's folder (what `resolvePackagePath` finds, without loading the backend API). */
function packageDirectory(): string {
  return path.dirname(
    require.resolve('@lookout/plugin-observability-node/package.json'),
  );
}

/** The directory relative paths of the command line are resolved against (baseDirectory.ts). */
export function cliBaseDirectory(io: CliIo): string {
  return baseDirectory(io.env, io.cwd, packageDirectory());
}

/**
 * Where run stamps are kept: $LOOKOUT_CACHE_DIR, else node_modules/.cache/lookout of the base
 * directory (where tools keep their caches); none when neither exists.
 */
function cacheDirectory(
  base: string,
  env: NodeJS.ProcessEnv,
): string | undefined {
  if (env.LOOKOUT_CACHE_DIR) {
    return path.resolve(base, env.LOOKOUT_CACHE_DIR);
  }
  const modules = path.join(base, 'node_modules');
  return existsSync(modules)
    ? path.join(modules, '.cache', 'lookout')
    : undefined;
}

/** Prints what a run reported; returns its exit code. */
export function printOutcome(io: CliIo, outcome: StampedOutcome): number {
  if (outcome.stdout.length > 0) {
    io.stdout.write(`${outcome.stdout.join('\n')}\n`);
  }
  for (const line of outcome.stderr) {
    io.stderr.write(`${line}\n`);
  }
  return outcome.code;
}

/** A `render` command with its paths resolved and its config read. */
export interface PreparedRender {
  command: RenderCommand;
  /** --out, absolute. */
  out: string;
  /** The --catalog locations, absolute. */
  catalog: string[];
  /** The --allow-read folders, absolute. */
  allowRead: string[];
  config: Config;
  /** The stamp file of this run's --out, unless --no-cache or there is no cache folder. */
  stamp?: string;
  /** The stamp key of this run ('' without a stamp file). */
  key: string;
}

/** Resolves the paths of a `render`, reads its config and finds its stamp file and key. */
export async function prepareRender(
  command: RenderCommand,
  base: string,
  io: CliIo,
): Promise<PreparedRender> {
  const out = path.resolve(base, command.out);
  const catalog = command.catalog.map(location => path.resolve(base, location));
  const allowRead = command.allowRead.map(dir => path.resolve(base, dir));
  const config = await readConfigFiles(
    command.config.map(file => path.resolve(base, file)),
    io.env,
  );
  const cache = command.cache ? cacheDirectory(base, io.env) : undefined;
  const stamp = cache ? stampFile(cache, out) : undefined;
  const key = stamp
    ? stampKey({
        command: {
          format: command.format,
          out,
          check: command.check,
          catalog,
        },
        config: config.get(),
        allowRead,
      })
    : '';
  return { command, out, catalog, allowRead, config, stamp, key };
}

/**
 * Answers `--help` and a `render` the run stamp answers; undefined for any other run, having
 * printed nothing (errors included: the full CLI reports them).
 */
export async function quickRun(
  args: string[],
  io: CliIo,
): Promise<number | undefined> {
  if (isBackendCommand(args)) {
    return undefined;
  }
  let command;
  try {
    command = parseCommand(args);
  } catch {
    return undefined;
  }
  if (command.command === 'help') {
    io.stdout.write(USAGE);
    return 0;
  }
  if (command.command !== 'render') {
    return undefined;
  }
  let stamped;
  try {
    const run = await prepareRender(command, cliBaseDirectory(io), io);
    stamped = run.stamp ? readStamp(run.stamp, run.key, run.out) : undefined;
  } catch {
    return undefined;
  }
  if (!stamped) {
    return undefined;
  }
  io.stderr.write(
    `${command.out}: nothing changed since the last run (code, settings, catalog and output as it left them); its result follows. --no-cache renders anyway.\n`,
  );
  return printOutcome(io, stamped);
}
