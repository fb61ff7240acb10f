/*
 * A file system that reads the real one and keeps every write, rename and removal in memory
 * instead of doing it: a sink run on it does everything it would do, and `changes()` says which
 * files it would have created, updated or removed. `lookout render --check` is a sink run on it.
 */
import path from 'node:path';
import {
  nodeSinkFileSystem,
  SinkDirEntry,
  SinkFileSystem,
} from './SinkFileSystem';

/** Files a run would change, by absolute path, each list sorted. */
export interface FileChanges {
  created: string[];
  updated: string[];
  removed: string[];
}

function notFound(operation: string, file: string): NodeJS.ErrnoException {
  const error: NodeJS.ErrnoException = new Error(
    `ENOENT: no such file or directory, ${operation} '${file}'`,
  );
  error.code = 'ENOENT';
  return error;
}

/**
 * Reads through to `real` (the real file system by default) and records the changes instead of
 * making them. Paths are absolute.
 */
export class DryRunFileSystem implements SinkFileSystem {
  /** Files written (content) or removed (null) in this run. */
  private readonly files = new Map<string, string | null>();
  /** Folders created (true) or removed (false) in this run. */
  private readonly folders = new Map<string, boolean>();
  /** Names written in this run, by folder: what `readdir` adds to the real entries. */
  private readonly children = new Map<string, Set<string>>();
  /** Folders made in this run where the real file system has none: nothing in them to read. */
  private readonly made = new Set<string>();
  /** The real folders' entries as first read: the real file system does not change meanwhile. */
  private readonly listed = new Map<string, Promise<Map<string, boolean>>>();

  constructor(private readonly real: SinkFileSystem = nodeSinkFileSystem) {}

  async readFile(file: string): Promise<string | undefined> {
    const recorded = this.files.get(file);
    if (recorded !== undefined) {
      return recorded ?? undefined;
    }
    return this.folders.get(path.dirname(file)) === false
      ? undefined
      : this.real.readFile(file);
  }

  async writeFile(file: string, content: string): Promise<void> {
    if (!(await this.isFolder(path.dirname(file)))) {
      throw notFound('open', file);
    }
    this.setFile(file, content);
  }

  async mkdir(dir: string): Promise<void> {
    for (let d = dir; !(await this.isFolder(d)); d = path.dirname(d)) {
      this.setFolder(d, true);
      if (!(await this.isRealFolder(d))) {
        this.made.add(d);
      }
    }
  }

  async rm(target: string): Promise<void> {
    if (await this.isFolder(target)) {
      for (const entry of await this.readdir(target)) {
        await this.rm(path.join(target, entry.name));
      }
      this.setFolder(target, false);
    } else if ((await this.readFile(target)) !== undefined) {
      this.setFile(target, null);
    }
  }

  async rename(from: string, to: string): Promise<void> {
    if (await this.isFolder(from)) {
      if ((await this.readdir(to)).length > 0) {
        const error: NodeJS.ErrnoException = new Error(
          `ENOTEMPTY: directory not empty, rename '${from}' -> '${to}'`,
        );
        error.code = 'ENOTEMPTY';
        throw error;
      }
      await this.mkdir(to);
      for (const entry of await this.readdir(from)) {
        await this.rename(
          path.join(from, entry.name),
          path.join(to, entry.name),
        );
      }
      this.setFolder(from, false);
      return;
    }
    const content = await this.readFile(from);
    if (content === undefined) {
      throw notFound('rename', from);
    }
    this.setFile(to, content);
    this.setFile(from, null);
  }

  async readdir(dir: string): Promise<SinkDirEntry[]> {
    if (this.folders.get(dir) === false) {
      return [];
    }
    const real = await this.realEntries(dir);
    // Only the names this run wrote, renamed or removed can differ from the real entries.
    const touched = this.children.get(dir);
    const result: SinkDirEntry[] = [];
    const addIfPresent = (name: string) => {
      const full = path.join(dir, name);
      const directory = this.folders.has(full);
      const present = directory
        ? this.folders.get(full) !== false
        : this.files.get(full) !== null;
      if (present) {
        result.push({ name, directory });
      }
    };
    for (const [name, directory] of real) {
      if (touched?.has(name)) {
        addIfPresent(name);
      } else {
        result.push({ name, directory });
      }
    }
    for (const name of touched ?? []) {
      if (!real.has(name)) {
        addIfPresent(name);
      }
    }
    return result;
  }

  /**
   * The files the recorded operations create, change or remove, against the real file system
   * (a file written back with its old content is no change; temporary files that came and went
   * are none).
   */
  async changes(): Promise<FileChanges> {
    const result: FileChanges = { created: [], updated: [], removed: [] };
    for (const [file, content] of this.files) {
      const before = this.made.has(path.dirname(file))
        ? undefined
        : await this.real.readFile(file);
      if (content === null) {
        if (before !== undefined) {
          result.removed.push(file);
        }
      } else if (before === undefined) {
        result.created.push(file);
      } else if (before !== content) {
        result.updated.push(file);
      }
    }
    result.created.sort();
    result.updated.sort();
    result.removed.sort();
    return result;
  }

  /** Every file the recorded operations wrote, renamed or removed (temporary ones included). */
  touched(): string[] {
    return [...this.files.keys()];
  }

  private async isFolder(dir: string): Promise<boolean> {
    const recorded = this.folders.get(dir);
    if (recorded !== undefined) {
      return recorded;
    }
    if (this.files.get(dir) !== undefined) {
      return false;
    }
    if (this.folders.get(path.dirname(dir)) === false) {
      return false;
    }
    const parent = path.dirname(dir);
    if (parent === dir) {
      return true;
    }
    return (await this.realEntries(parent)).get(path.basename(dir)) === true;
  }

  private async isRealFolder(dir: string): Promise<boolean> {
    const parent = path.dirname(dir);
    return (
      parent === dir ||
      (await this.realEntries(parent)).get(path.basename(dir)) === true
    );
  }

  /** The real folder's entries: name → whether it is a folder. */
  private realEntries(dir: string): Promise<Map<string, boolean>> {
    let entries = this.listed.get(dir);
    if (!entries) {
      entries = this.real
        .readdir(dir)
        .then(list => new Map(list.map(e => [e.name, e.directory])));
      this.listed.set(dir, entries);
    }
    return entries;
  }

  private setFile(file: string, content: string | null): void {
    this.files.set(file, content);
    this.addChild(file);
  }

  private setFolder(dir: string, exists: boolean): void {
    this.folders.set(dir, exists);
    this.addChild(dir);
  }

  private addChild(target: string): void {
    const parent = path.dirname(target);
    let names = this.children.get(parent);
    if (!names) {
      names = new Set();
      this.children.set(parent, names);
    }
    names.add(path.basename(target));
  }
}
