/*
 * Running the command-line tools of the benchmark: a child process whose output goes to a log
 * file, awaited with a clear error when it fails, and free local ports.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';

/** Runs `command` to completion; rejects with the tail of its log when it exits non-zero. */
export async function run(
  command: string,
  args: string[],
  logFile: string,
): Promise<void> {
  const log = fs.openSync(logFile, 'a');
  fs.writeSync(log, `$ ${command} ${args.join(' ')}\n`);
  try {
    await new Promise<void>((resolve, reject) => {
      const child = spawn(command, args, { stdio: ['ignore', log, log] });
      child.once('error', reject);
      child.once('exit', code => {
        if (code === 0) {
          resolve();
        } else {
          const tail = fs
            .readFileSync(logFile, 'utf8')
            .split('\n')
            .slice(-15)
            .join('\n');
          reject(
            new Error(
              `${command} ${
                args[0] ?? ''
              } exited with code ${code}; log ${logFile}:\n${tail}`,
            ),
          );
        }
      });
    });
  } finally {
    fs.closeSync(log);
  }
}

/** A TCP port on 127.0.0.1 that is free right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === 'object') {
          resolve(address.port);
        } else {
          reject(new Error('no port'));
        }
      });
    });
  });
}

/** Resolves after `ms` milliseconds. */
export function sleep(ms: number): Promise<void> {
  return new Promise(resolve => setTimeout(resolve, ms));
}

/** Whether `command` is on the PATH (or an executable path). */
export function hasCommand(command: string): boolean {
  const dirs = command.includes('/')
    ? ['']
    : (process.env.PATH ?? '').split(':');
  return dirs.some(dir => {
    try {
      fs.accessSync(dir ? `${dir}/${command}` : command, fs.constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}
