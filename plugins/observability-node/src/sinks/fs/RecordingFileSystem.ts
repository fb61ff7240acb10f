/*
 * A file system that makes every change on the real one and records, as a dry run does, what the
 * run changed against the folder as it was before: `lookout render` writes and reports in one
 * pass, where a dry run followed by the same run on the real folder did the work twice.
 *
 * Before each change it takes what the change affects as it still is: the entries of the folder
 * it changes, the content of the file it replaces or removes, the whole of a folder it moves or
 * removes. Every later question about the folder before the run is answered from those (a file
 * the run created was absent from its folder's entries), so the report never re-reads what the
 * run wrote, and reads of what the run wrote are answered from memory.
 */
import path from 'node:path';
import { DryRunFileSystem, FileChanges } from './DryRunFileSystem';
import {
  nodeSinkFileSystem,
  SinkDirEntry,
  SinkFileSystem,
} from './SinkFileSystem';

/**
 * The real file system as it was before the run, for reading only. A folder's entries are taken
 * once, before the run changes any of them; a file's content is kept when it is taken before a
 * change ({@link StateBefore.capture}), and otherwise read from the real file (which the run has
 * not changed, or it would have been captured).
 */
class StateBefore implements SinkFileSystem {
  /** Folder → its entries (name → whether a folder); none for a missing folder. */
  private readonly listings = new Map<string, Promise<Map<string, boolean>>>();
  private readonly contents = new Map<string, Promise<string | undefined>>();

  constructor(private readonly real: SinkFileSystem) {}

  /** The folder's entries before the run. */
  entries(dir: string): Promise<Map<string, boolean>> {
    let listing = this.listings.get(dir);
    if (!listing) {
      listing = this.readEntries(dir);
      this.listings.set(dir, listing);
    }
    return listing;
  }

  /** Takes the file's content (undefined: absent, or a folder) before the run changes it. */
  capture(file: string): Promise<string | undefined> {
    let content = this.contents.get(file);
    if (!content) {
      content = this.readContent(file);
      this.contents.set(file, content);
    }
    return content;
  }

  /** The files whose content was taken. */
  captured(): string[] {
    return [...this.contents.keys()];
  }

  async readFile(file: string): Promise<string | undefined> {
    return this.contents.get(file) ?? this.readContent(file);
  }

  async readdir(dir: string): Promise<SinkDirEntry[]> {
    return [...(await this.entries(dir))].map(([name, directory]) => ({
      name,
      directory,
    }));
  }

  async writeFile(): Promise<void> {
    throw new Error('the state before a run is read only');
  }
  async rename(): Promise<void> {
    throw new Error('the state before a run is read only');
  }
  async mkdir(): Promise<void> {
    throw new Error('the state before a run is read only');
  }
  async rm(): Promise<void> {
    throw new Error('the state before a run is read only');
  }

  private async readEntries(dir: string): Promise<Map<string, boolean>> {
    const parent = path.dirname(dir);
    // A folder its parent did not hold before the run (one the run made) had no entries.
    if (
      parent !== dir &&
      this.listings.has(parent) &&
      (await this.entries(parent)).get(path.basename(dir)) !== true
    ) {
      return new Map();
    }
    const entries = await this.real.readdir(dir);
    return new Map(entries.map(entry => [entry.name, entry.directory]));
  }

  private async readContent(file: string): Promise<string | undefined> {
    const listed = (await this.entries(path.dirname(file))).get(
      path.basename(file),
    );
    return listed === false ? this.real.readFile(file) : undefined;
  }
}

/**
 * Makes every change on `real` (the real file system by default) and records it; `changes()`
 * says which files the run created, updated or removed, as {@link DryRunFileSystem} does for a
 * run it only pretends to make. Paths are absolute.
 */
export class RecordingFileSystem implements SinkFileSystem {
  private readonly before: StateBefore;
  /** The folder as it is now: the state before with the run's changes on top. */
  private readonly now: DryRunFileSystem;
  /** Whether a change failed (perhaps halfway): the report then reads the real files. */
  private diverged = false;

  constructor(private readonly real: SinkFileSystem = nodeSinkFileSystem) {
    this.before = new StateBefore(real);
    this.now = new DryRunFileSystem(this.before);
  }

  readFile(file: string): Promise<string | undefined> {
    return this.now.readFile(file);
  }

  readdir(dir: string): Promise<SinkDirEntry[]> {
    return this.now.readdir(dir);
  }

  async writeFile(file: string, content: string): Promise<void> {
    await this.before.capture(file);
    await this.change(fs => fs.writeFile(file, content));
  }

  async rename(from: string, to: string): Promise<void> {
    await this.captureTree(from);
    await this.captureTree(to);
    await this.change(fs => fs.rename(from, to));
  }

  async mkdir(dir: string): Promise<void> {
    // The entries of every folder that gains one, up to the first folder that exists.
    for (let d = dir; ; d = path.dirname(d)) {
      const parent = path.dirname(d);
      if (
        parent === d ||
        (await this.before.entries(parent)).get(path.basename(d)) === true
      ) {
        break;
      }
    }
    await this.change(fs => fs.mkdir(dir));
  }

  async rm(target: string): Promise<void> {
    await this.captureTree(target);
    await this.change(fs => fs.rm(target));
  }

  /** The files the run created, updated or removed, each list sorted. */
  async changes(): Promise<FileChanges> {
    if (!this.diverged) {
      return this.now.changes();
    }
    // A change failed, perhaps halfway: every file the run touched is compared with the real one.
    const result: FileChanges = { created: [], updated: [], removed: [] };
    const files = new Set([...this.now.touched(), ...this.before.captured()]);
    for (const file of [...files].sort()) {
      const before = await this.before.readFile(file);
      const after = await this.real.readFile(file);
      if (before === undefined && after !== undefined) {
        result.created.push(file);
      } else if (before !== undefined && after === undefined) {
        result.removed.push(file);
      } else if (before !== after) {
        result.updated.push(file);
      }
    }
    return result;
  }

  /** Makes the change on the real file system, then records it. */
  private async change(
    operation: (fs: SinkFileSystem) => Promise<void>,
  ): Promise<void> {
    try {
      await operation(this.real);
    } catch (error) {
      this.diverged = true;
      throw error;
    }
    try {
      await operation(this.now);
    } catch {
      // The record disagrees with the real folder: the report reads the real one.
      this.diverged = true;
    }
  }

  /** Takes the target and, for a folder, everything in it, before a change moves or removes it. */
  private async captureTree(target: string): Promise<void> {
    await this.before.capture(target);
    for (const entry of await this.now.readdir(target)) {
      await this.captureTree(path.join(target, entry.name));
    }
  }
}
