/*
 * The `lookout` CLI (DESIGN §4): `render` lays the catalog's Lookout objects out in a folder,
 * `validate` only reports problems. Run with no build step by `bin/lookout`, which first tries
 * quickRun.ts (as `runCli` does): `--help` and a render the run stamp answers need none of what
 * this file imports.
 */
import path from 'node:path';
import { parseBackendCommand, runBackendCommand } from './backendCommands';
import { formatProblem } from './formatProblem';
import {
  isBackendCommand,
  parseCommand,
  RenderCommand,
  ValidateCommand,
} from './parseCommand';
import {
  cliBaseDirectory,
  prepareRender,
  printOutcome,
  quickRun,
} from './quickRun';
import { readConfigFiles } from './readConfigFiles';
import { Catalog, readCatalog } from './readCatalog';
import { CliSettings, settingsFromConfig } from './readSettings';
import { isInvalid, renderCatalog } from './renderCatalog';
import { renderToFolder } from './renderToFolder';
import { openSloStats } from './resolveOpenSlo';
import { catalogRouting } from './routingProblems';
import { RenderInput } from '../render/types';
import { catalogStats, StampedOutcome, writeStamp } from './runStamp';
import { USAGE, UsageError } from './usage';

/**
 * Where the CLI reads and writes.
 *
 * @public
 */
export interface CliIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  env: NodeJS.ProcessEnv;
  cwd: string;
}

function printLines(io: CliIo, lines: string[]) {
  if (lines.length > 0) {
    io.stdout.write(`${lines.join('\n')}\n`);
  }
}

async function load(
  command: RenderCommand | ValidateCommand,
  base: string,
  io: CliIo,
): Promise<{
  settings: CliSettings;
  catalog: Catalog;
  fileLines: string[];
  noteLines: string[];
}> {
  const settings = {
    ...settingsFromConfig(
      await readConfigFiles(
        command.config.map(file => path.resolve(base, file)),
        io.env,
      ),
    ),
    allowRead: command.allowRead.map(dir => path.resolve(base, dir)),
  };
  const catalog = await readCatalog(
    command.catalog.map(location => path.resolve(base, location)),
  );
  return {
    settings,
    catalog,
    fileLines: fileErrorLines(catalog, base),
    noteLines: fileNoteLines(catalog, base),
  };
}

function fileErrorLines(catalog: Catalog, base: string): string[] {
  return catalog.errors.map(
    e => `${path.relative(base, e.file) || e.file}: ${e.message}`,
  );
}

/** What was skipped or not followed: shown on stderr, never a failure. */
function fileNoteLines(catalog: Catalog, base: string): string[] {
  return catalog.notes.map(
    e => `${path.relative(base, e.file) || e.file}: ${e.message}`,
  );
}

/** `catalog files: 5 read, 3 skipped, 1 with errors` */
function catalogFilesSummary(catalog: Catalog): string {
  const wrong = new Set(catalog.errors.map(e => e.file)).size;
  return `catalog files: ${catalog.files.length - catalog.skipped} read, ${
    catalog.skipped
  } skipped, ${wrong} with errors`;
}

async function runRender(
  command: RenderCommand,
  base: string,
  io: CliIo,
): Promise<number> {
  // runCli has asked quickRun first: there is no stamp that answers this run.
  const prepared = await prepareRender(command, base, io);
  const { out, stamp, key } = prepared;
  const catalogLocations = prepared.catalog;
  const settings: CliSettings = {
    ...settingsFromConfig(prepared.config),
    allowRead: prepared.allowRead,
  };

  // Stats of the inputs before they are read: a change during the run must not be stamped.
  const before = stamp ? catalogStats(catalogLocations) : {};
  const catalog = await readCatalog(catalogLocations);
  const fileLines = fileErrorLines(catalog, base);
  const noteLines = fileNoteLines(catalog, base);
  const inputs = stamp
    ? {
        ...catalogStats([...catalog.files, ...catalog.searched]),
        ...before,
        ...openSloStats(catalog.entities, settings.allowRead),
      }
    : {};
  const run = await renderToFolder(catalog.entities, settings, {
    outDir: out,
    format: command.format,
    check: command.check,
    base,
  });
  const shown = (rel: string) => path.join(command.out, rel);
  const { report } = run;
  // The sink names files by absolute path: shown as the user named the output folder.
  const conflicts = report.conflicts.map(conflict =>
    conflict.split(`${out}${path.sep}`).join(shown(path.sep)),
  );
  const failed =
    fileLines.length > 0 || run.failed || report.conflicts.length > 0;
  const stdout = [...fileLines, ...run.lines];
  let outcome: StampedOutcome;
  let unchanged: StampedOutcome;
  if (command.check) {
    const drift = [
      ...report.created.map(rel => `missing: ${shown(rel)}`),
      ...report.updated.map(rel => `differs: ${shown(rel)}`),
      ...report.removed.map(rel => `obsolete: ${shown(rel)}`),
    ].sort();
    outcome = {
      stdout: [...stdout, ...drift],
      stderr: [
        ...noteLines,
        ...conflicts,
        drift.length > 0
          ? `${drift.length} path(s) of ${command.out} differ from the catalog; run lookout render to update them`
          : `${command.out} is up to date`,
      ],
      code: failed || drift.length > 0 ? 1 : 0,
    };
    unchanged = outcome; // a check writes nothing: run again, it finds the same
  } else {
    const summary = (written: number, removed: number, same: number) =>
      `Rendered ${run.rendered} of ${run.entities} entities with Lookout annotations into ${command.out}: ` +
      `${written} file(s) written, ${removed} removed, ${same} unchanged; ${catalogFilesSummary(
        catalog,
      )}`;
    const written = report.created.length + report.updated.length;
    const code = failed ? 1 : 0;
    outcome = {
      stdout,
      stderr: [
        ...noteLines,
        ...conflicts,
        summary(written, report.removed.length, report.unchanged),
      ],
      code,
    };
    // What the same run reports once these files are in place.
    unchanged = {
      stdout,
      stderr: [
        ...noteLines,
        ...conflicts,
        summary(0, 0, report.unchanged + written),
      ],
      code,
    };
  }
  if (stamp) {
    writeStamp(stamp, { key, inputs, out, outcome: unchanged });
  }
  return printOutcome(io, outcome);
}

async function runValidate(
  command: ValidateCommand,
  base: string,
  io: CliIo,
): Promise<number> {
  const { settings, catalog, fileLines, noteLines } = await load(
    command,
    base,
    io,
  );
  const lines = [...fileLines];
  let entities = 0;
  let invalid = 0;
  const inputs: RenderInput[] = [];
  for await (const outcome of renderCatalog(catalog.entities, settings, {
    parts: { ruleTests: false },
    base,
  })) {
    entities += 1;
    invalid += isInvalid(outcome) ? 1 : 0;
    lines.push(
      ...outcome.problems.map(p => formatProblem(outcome.entityRef, p)),
    );
    if (outcome.input) {
      inputs.push(outcome.input);
    }
  }
  const routing = catalogRouting(catalog.entities, inputs, settings);
  lines.push(...routing.lines);
  printLines(io, lines);
  for (const line of noteLines) {
    io.stderr.write(`${line}\n`);
  }
  io.stderr.write(
    `Validated ${entities} entities with Lookout annotations: ${invalid} with errors; ${catalogFilesSummary(
      catalog,
    )}\n`,
  );
  return fileLines.length > 0 || invalid > 0 || routing.failed ? 1 : 0;
}

/**
 * Runs the `lookout` CLI with the given arguments; resolves to the exit code.
 *
 * @public
 */
export async function runCli(args: string[], io: CliIo): Promise<number> {
  const answer = await quickRun(args, io);
  if (answer !== undefined) {
    return answer;
  }
  try {
    if (isBackendCommand(args)) {
      return await runBackendCommand(parseBackendCommand(args), io);
    }
    const command = parseCommand(args);
    if (command.command === 'help') {
      io.stdout.write(USAGE);
      return 0;
    }
    const base = cliBaseDirectory(io);
    return command.command === 'render'
      ? await runRender(command, base, io)
      : await runValidate(command, base, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`lookout: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    io.stderr.write(`lookout: ${(error as Error).stack ?? error}\n`);
    return 1;
  }
}
