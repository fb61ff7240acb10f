/*
 * The stamp of a `lookout render` run, so that running it again with nothing changed costs a few
 * hundred `stat` calls instead of reading, rendering and comparing the whole catalog.
 *
 * A stamp holds what the run depended on and what it left:
 * - a key: the command (format, --out, --check, the catalog locations, --allow-read) and the
 *   config read from the --config files (environment substitutions included);
 * - the size, mtime, ctime and inode of every module the run had loaded when it ended (Lookout's
 *   code and its dependencies). A later run is answered only if these are unchanged and it has
 *   loaded no other module: bin/lookout checks the stamp before it loads the render engine
 *   (quickRun.ts), so the code a run renders with is not all loaded when the stamp is read;
 * - the same four figures of every input: the catalog files, every folder the catalog locations
 *   hold (a file added or removed changes its folder), and the OpenSLO files the entities name
 *   (or that they were missing);
 * - the same figures of every file and folder of the output folder after the run;
 * - what the run reported, as a run with nothing to do would report it.
 *
 * A later run with the same key whose inputs and output folder stat exactly as stamped would
 * write nothing and report the same, so it prints that instead. ctime cannot be set back by
 * `touch` or a checkout, so a rewrite with the same size and mtime is still seen. As in git's
 * racy-index rule, a file whose mtime is not older than the stamp itself could have changed
 * within the same timestamp tick: then the stamp is not trusted.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const STAMP_VERSION = 2;

/** `size:mtimeMs:ctimeMs:inode`, or null for a path that did not exist. */
export type PathStat = string | null;

/** What a run reported, in the form a run with nothing to do reports it. */
export interface StampedOutcome {
  /** Lines printed to standard output. */
  stdout: string[];
  /** Lines printed to standard error. */
  stderr: string[];
  code: number;
}

interface Stamp {
  version: number;
  key: string;
  inputs: Record<string, PathStat>;
  /** Every module the run had loaded when it ended. */
  code: Record<string, PathStat>;
  output: Record<string, PathStat>;
  outcome: StampedOutcome;
}

/** What identifies a run, besides its inputs. */
export interface StampKey {
  command: {
    format: string;
    out: string;
    check: boolean;
    catalog: string[];
  };
  /**
   * The data of the --config files as the config loader read them (substitutions made): what
   * the settings are read from, by code that a run the stamp answers does not load.
   */
  config: unknown;
  /** --allow-read: the folders OpenSLO files may be read from. */
  allowRead: string[];
}

/** The stat of `file`, as the stamp records it. */
export function statOf(file: string): PathStat {
  const stat = fs.lstatSync(file, { throwIfNoEntry: false });
  return stat
    ? `${stat.size}:${stat.mtimeMs}:${stat.ctimeMs}:${stat.ino}`
    : null;
}

/** The mtime of a recorded stat, in milliseconds. */
function mtimeOf(stat: string): number {
  return Number(stat.split(':')[1]);
}

/**
 * Every file and folder under `root` (the root included), by path relative to `root`, visited
 * in order; `visit` returns false to stop the walk early.
 */
function walkTree(
  root: string,
  visit: (rel: string, stat: PathStat) => boolean,
): boolean {
  const walk = (rel: string): boolean => {
    const dir = path.join(root, rel);
    if (!visit(rel, statOf(dir))) {
      return false;
    }
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return true;
    }
    for (const entry of entries) {
      const child = rel === '' ? entry.name : `${rel}/${entry.name}`;
      const ok = entry.isDirectory()
        ? walk(child)
        : visit(child, statOf(path.join(root, child)));
      if (!ok) {
        return false;
      }
    }
    return true;
  };
  return walk('');
}

/** Every file and folder under `root` (the root included), by path relative to `root`. */
function treeStats(root: string): Record<string, PathStat> {
  const stats: Record<string, PathStat> = {};
  walkTree(root, (rel, stat) => {
    stats[rel] = stat;
    return true;
  });
  return stats;
}

/** The modules loaded so far (absolute paths). */
function loadedModules(): string[] {
  return Object.keys(require.cache).filter(file => path.isAbsolute(file));
}

/** The key of a run: its command and config. */
export function stampKey(key: StampKey): string {
  return createHash('sha256')
    .update(JSON.stringify({ version: STAMP_VERSION, ...key }))
    .digest('hex');
}

/** Where the stamp of runs into `out` lives, in `cacheDir`. */
export function stampFile(cacheDir: string, out: string): string {
  const id = createHash('sha256').update(path.resolve(out)).digest('hex');
  return path.join(cacheDir, `render-${id.slice(0, 24)}.json`);
}

/**
 * The stamped outcome, when the stamp at `file` has this key and nothing it lists changed;
 * undefined otherwise (no stamp, another key, a change, or a stamp too recent to trust).
 */
export function readStamp(
  file: string,
  key: string,
  out: string,
): StampedOutcome | undefined {
  let stamp: Stamp;
  let stampMtime: number;
  try {
    stampMtime = fs.statSync(file).mtimeMs;
    stamp = JSON.parse(fs.readFileSync(file, 'utf8')) as Stamp;
  } catch {
    return undefined;
  }
  if (stamp.version !== STAMP_VERSION || stamp.key !== key) {
    return undefined;
  }
  const trusted = (recorded: PathStat | undefined, current: PathStat) =>
    recorded !== undefined &&
    recorded === current &&
    (recorded === null || mtimeOf(recorded) < stampMtime);
  for (const [input, recorded] of Object.entries(stamp.inputs)) {
    if (!trusted(recorded, statOf(input))) {
      return undefined;
    }
  }
  for (const [name, recorded] of Object.entries(stamp.code)) {
    if (recorded !== statOf(name)) {
      return undefined;
    }
  }
  if (loadedModules().some(name => !(name in stamp.code))) {
    return undefined;
  }
  let seen = 0;
  const same = walkTree(path.resolve(out), (rel, stat) => {
    seen += 1;
    return trusted(stamp.output[rel], stat);
  });
  return same && seen === Object.keys(stamp.output).length
    ? stamp.outcome
    : undefined;
}

/** Stats of the catalog locations: each file, and every folder and file under each folder. */
export function catalogStats(catalog: string[]): Record<string, PathStat> {
  const inputs: Record<string, PathStat> = {};
  for (const location of catalog) {
    const stat = statOf(location);
    if (stat !== null && fs.statSync(location).isDirectory()) {
      const root = path.resolve(location);
      walkTree(root, (rel, childStat) => {
        inputs[path.join(root, rel)] = childStat;
        return true;
      });
    } else {
      inputs[path.resolve(location)] = stat;
    }
  }
  return inputs;
}

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Writes the stamp of a finished run, atomically (a reader sees the old stamp or the new one).
 * `inputs` are the stats taken before the run read them: if any changed meanwhile, the run may
 * have read either version, and no stamp is written. The code recorded is every module loaded by
 * now. The stamp is made strictly newer than
 * every file it records, so that it is trusted. Best effort: a cache that cannot be written only
 * costs the next run its shortcut.
 */
export function writeStamp(
  file: string,
  options: {
    key: string;
    inputs: Record<string, PathStat>;
    out: string;
    outcome: StampedOutcome;
  },
): void {
  removeStamp(file);
  for (const [input, before] of Object.entries(options.inputs)) {
    if (before !== statOf(input)) {
      return;
    }
  }
  const stamp: Stamp = {
    version: STAMP_VERSION,
    key: options.key,
    inputs: options.inputs,
    code: Object.fromEntries(
      loadedModules()
        .sort()
        .map(name => [name, statOf(name)]),
    ),
    output: treeStats(path.resolve(options.out)),
    outcome: options.outcome,
  };
  const newest = [
    ...Object.values(stamp.inputs),
    ...Object.values(stamp.output),
  ].reduce(
    (max, stat) => (stat === null ? max : Math.max(max, mtimeOf(stat))),
    0,
  );
  const text = JSON.stringify(stamp);
  const temp = `${file}.${process.pid}.tmp`;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    // Timestamps advance in ticks of a few milliseconds: write again until the stamp is newer.
    for (let attempt = 0; attempt < 50; attempt++) {
      fs.writeFileSync(temp, text);
      if (fs.statSync(temp).mtimeMs > newest) {
        fs.renameSync(temp, file);
        return;
      }
      sleepSync(10);
    }
  } catch {
    // no stamp: the next run renders
  }
  fs.rmSync(temp, { force: true });
}

/** Removes the stamp (before a run that may change the output folder). */
export function removeStamp(file: string): void {
  fs.rmSync(file, { force: true });
}
