/*
 * Parses the `lookout` command line with node:util parseArgs into a typed command.
 */
import { parseArgs } from 'node:util';
import { OutputFormat } from '../render/types';
import { UsageError } from './usage';

/** `lookout render`. */
export interface RenderCommand {
  command: 'render';
  catalog: string[];
  out: string;
  format: OutputFormat;
  config: string[];
  /** `--allow-read`: folders OpenSLO documents may be read from besides the catalog file's. */
  allowRead: string[];
  check: boolean;
  /** Use the stamp of the last run to skip a run that has nothing to do (see runStamp.ts). */
  cache: boolean;
}

/** `lookout validate`. */
export interface ValidateCommand {
  command: 'validate';
  catalog: string[];
  config: string[];
  allowRead: string[];
}

/** A parsed command line. */
export type Command = RenderCommand | ValidateCommand | { command: 'help' };

/**
 * Whether `args` is a backend command (`release`, `gate`: backendCommands.ts), told apart here so
 * that the CLI loads the backend commands' modules only to run one.
 */
export function isBackendCommand(args: string[]): boolean {
  return args[0] === 'release' || args[0] === 'gate';
}

/** Parses the arguments after the program name; throws {@link UsageError}. */
export function parseCommand(args: string[]): Command {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        catalog: { type: 'string', multiple: true },
        out: { type: 'string' },
        format: { type: 'string' },
        config: { type: 'string', multiple: true },
        'allow-read': { type: 'string', multiple: true },
        check: { type: 'boolean' },
        'no-cache': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    return { command: 'help' };
  }
  const [command, ...extra] = positionals;
  if (command === undefined) {
    throw new UsageError('missing command: render or validate');
  }
  if (command !== 'render' && command !== 'validate') {
    throw new UsageError(
      `unknown command "${command}": use render or validate`,
    );
  }
  if (extra.length > 0) {
    throw new UsageError(`unexpected argument "${extra[0]}"`);
  }
  const catalog = values.catalog ?? [];
  if (catalog.length === 0) {
    throw new UsageError('--catalog is required');
  }
  const config = values.config ?? [];
  const allowRead = values['allow-read'] ?? [];
  if (command === 'validate') {
    for (const option of ['out', 'format', 'check', 'no-cache'] as const) {
      if (values[option] !== undefined) {
        throw new UsageError(
          `--${option} is an option of render, not validate`,
        );
      }
    }
    return { command, catalog, config, allowRead };
  }
  if (values.out === undefined || values.out === '') {
    throw new UsageError('--out is required');
  }
  const format = values.format ?? 'operator';
  if (format !== 'operator' && format !== 'prometheus') {
    throw new UsageError(
      `--format must be operator or prometheus, got "${format}"`,
    );
  }
  return {
    command,
    catalog,
    out: values.out,
    format,
    config,
    allowRead,
    check: values.check ?? false,
    cache: !values['no-cache'],
  };
}
