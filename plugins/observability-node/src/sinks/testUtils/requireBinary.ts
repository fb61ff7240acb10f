/*
 * Test support: tests that need a real binary (kubectl, prometheus) skip loudly when it is
 * missing, and fail instead when `CI` is set (CI installs everything).
 */
import { accessSync, constants } from 'node:fs';
import path from 'node:path';

/** The binary's path, or undefined when it is not on PATH. */
export function findBinary(name: string): string | undefined {
  const dirs = (process.env.PATH ?? '').split(path.delimiter).concat('/usr/bin');
  for (const dir of dirs) {
    const candidate = path.join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

/**
 * `it` when the binary exists; otherwise `it.skip` with a warning, or, under CI, a test that fails
 * and says which binary is missing.
 */
export function itWithBinary(name: string): { binary: string; it: jest.It } {
  const binary = findBinary(name);
  if (binary) {
    return { binary, it };
  }
  if (process.env.CI) {
    it(`needs ${name}, which is missing (CI must install it)`, () => {
      throw new Error(`${name} is not installed`);
    });
  } else {
    // eslint-disable-next-line no-console
    console.warn(`\n*** SKIPPED: ${name} is not installed; tests that need it do not run ***\n`);
  }
  return { binary: name, it: it.skip as unknown as jest.It };
}
