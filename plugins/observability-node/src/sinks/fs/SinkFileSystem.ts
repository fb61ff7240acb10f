/*
 * The few file operations the file sinks perform, behind an interface so that tests can make any
 * one of them fail (a crash at every step) and benchmarks can count writes.
 */
import fsSync, { Dirent } from 'node:fs';
import fs from 'node:fs/promises';

/** An entry of a folder. @public */
export interface SinkDirEntry {
  name: string;
  directory: boolean;
}

/** File operations of the file sinks. Paths are absolute. @public */
export interface SinkFileSystem {
  /** The file's UTF-8 content, or undefined when it does not exist (or is a folder). */
  readFile(path: string): Promise<string | undefined>;
  /** Creates or truncates the file; the folder must exist. */
  writeFile(path: string, content: string): Promise<void>;
  /** `rename(2)`: atomic, replaces a file or an empty folder at `to`. */
  rename(from: string, to: string): Promise<void>;
  /** Creates the folder and its parents. */
  mkdir(path: string): Promise<void>;
  /** Removes a file or a folder with its content; no error when it does not exist. */
  rm(path: string): Promise<void>;
  /** The folder's entries, or an empty list when it does not exist. */
  readdir(path: string): Promise<SinkDirEntry[]>;
}

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR';
}

/** What `read` returns, or `missing` when the path it reads does not exist. */
async function unlessMissing<T>(
  read: () => T | Promise<T>,
  missing: T,
): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (isMissing(error)) {
      return missing;
    }
    throw error;
  }
}

function dirEntries(entries: Dirent[]): SinkDirEntry[] {
  return entries.map(entry => ({
    name: entry.name,
    directory: entry.isDirectory(),
  }));
}

/** The real file system. @public */
export const nodeSinkFileSystem: SinkFileSystem = {
  readFile(path) {
    return unlessMissing(() => fs.readFile(path, 'utf8'), undefined);
  },
  async writeFile(path, content) {
    await fs.writeFile(path, content);
  },
  async rename(from, to) {
    await fs.rename(from, to);
  },
  async mkdir(path) {
    await fs.mkdir(path, { recursive: true });
  },
  async rm(path) {
    await fs.rm(path, { recursive: true, force: true });
  },
  readdir(path) {
    return unlessMissing(
      async () => dirEntries(await fs.readdir(path, { withFileTypes: true })),
      [],
    );
  },
};

/**
 * The real file system through synchronous calls behind the same interface, for a process that
 * has nothing else to do while it writes (the `lookout` CLI): each step of a small file is one
 * system call instead of a round trip through the thread pool and a promise. Never for the
 * backend, whose event loop serves requests meanwhile.
 */
export const syncNodeSinkFileSystem: SinkFileSystem = {
  readFile(path) {
    return unlessMissing(() => fsSync.readFileSync(path, 'utf8'), undefined);
  },
  async writeFile(path, content) {
    fsSync.writeFileSync(path, content);
  },
  async rename(from, to) {
    fsSync.renameSync(from, to);
  },
  async mkdir(path) {
    fsSync.mkdirSync(path, { recursive: true });
  },
  async rm(path) {
    fsSync.rmSync(path, { recursive: true, force: true });
  },
  readdir(path) {
    return unlessMissing(
      () => dirEntries(fsSync.readdirSync(path, { withFileTypes: true })),
      [],
    );
  },
};
