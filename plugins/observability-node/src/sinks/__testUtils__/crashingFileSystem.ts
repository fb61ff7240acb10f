/*
 * Test support: a file system that dies like a killed process. The Nth changing operation (write,
 * rename, mkdir, rm) and every operation after it fail, so no cleanup code gets to run, exactly as
 * after `kill -9`. Also counts the changing operations, for "no writes" assertions and benchmarks.
 */
import { nodeSinkFileSystem, SinkFileSystem } from '../fs/SinkFileSystem';

/** The error of an operation after the crash. */
export class SimulatedCrash extends Error {
  readonly name = 'SimulatedCrash';
}

/** A file system that counts changing operations and can crash at one of them. */
export class CrashingFileSystem implements SinkFileSystem {
  /** Changing operations performed (not counting the failing one). */
  writes = 0;
  private crashed = false;

  /** @param crashAt - 1-based index of the changing operation that crashes; none when undefined. */
  constructor(
    private readonly crashAt?: number,
    private readonly base: SinkFileSystem = nodeSinkFileSystem,
  ) {}

  /** Whether the crash happened. */
  get hasCrashed(): boolean {
    return this.crashed;
  }

  private before(change: boolean): void {
    if (this.crashed) {
      throw new SimulatedCrash('the process is dead');
    }
    if (change) {
      if (this.crashAt !== undefined && this.writes + 1 === this.crashAt) {
        this.crashed = true;
        throw new SimulatedCrash(
          `killed at changing operation ${this.crashAt}`,
        );
      }
      this.writes += 1;
    }
  }

  async readFile(path: string) {
    this.before(false);
    return this.base.readFile(path);
  }
  async readdir(path: string) {
    this.before(false);
    return this.base.readdir(path);
  }
  async writeFile(path: string, content: string) {
    this.before(true);
    return this.base.writeFile(path, content);
  }
  async rename(from: string, to: string) {
    this.before(true);
    return this.base.rename(from, to);
  }
  async mkdir(path: string) {
    this.before(true);
    return this.base.mkdir(path);
  }
  async rm(path: string) {
    this.before(true);
    return this.base.rm(path);
  }
}
