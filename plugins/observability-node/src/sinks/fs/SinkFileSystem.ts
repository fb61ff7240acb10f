/*
 * The few file operations the file sinks perform, behind an interface so that tests can make any
 * one of them fail (a crash at every step) and benchmarks can count writes.
 */
import fsSync from 'node:fs';
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

/** The real file system. @public */
export const nodeSinkFileSystem: SinkFileSystem = {
  async readFile(path) {
    try {
      return await fs.readFile(path, 'utf8');
    } catch (error) {
      if (isMissing(error)) {
        return undefined;
      }
      throw error;
    }
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
  async readdir(path) {
    try {
      const entries = await fs.readdir(path, { withFileTypes: true });
      return entries.map(entry => ({
        name: entry.name,
        directory: entry.isDirectory(),
      }));
    } catch (error) {
      if (isMissing(error)) {
        return [];
      }
      throw error;
    }
  },
};

/**
 * The real file system through synchronous calls behind the same interface, for a process that
 * has nothing else to do while it writes (the `lookout` CLI): each step of a small file is one
 * system call instead of a round trip through the thread pool and a promise. Never for the
 * backend, whose event loop serves requests meanwhile.
 */
export const syncNodeSinkFileSystem: SinkFileSystem = {
  async readFile(path) {
    try {
      return fsSync.readFileSync(path, 'utf8');
    } catch (error) {
      if (isMissing(error)) {
        return undefined;
      }
      throw error;
    }
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
  async readdir(path) {
    try {
      const entries = fsSync.readdirSync(path, { withFileTypes: true });
      return entries.map(entry => ({
        name: entry.name,
        directory: entry.isDirectory(),
      }));
    } catch (error) {
      if (isMissing(error)) {
        return [];
      }
      throw error;
    }
  },
};
