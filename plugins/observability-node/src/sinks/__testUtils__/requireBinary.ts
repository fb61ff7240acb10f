/*
 * Test support: tests that need a real binary (kubectl, prometheus) are skipped loudly when it is
 * missing, and their suite fails instead when `CI` is set (CI installs everything).
 */
import { accessSync, constants } from 'node:fs';
import path from 'node:path';

/** The binary's path, or undefined when it is not on PATH (or in /usr/bin). */
export function findBinary(name: string): string | undefined {
  const dirs = (process.env.PATH ?? '')
    .split(path.delimiter)
    .concat('/usr/bin');
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
 * The binary's path. When it is missing: undefined and a loud warning (the caller skips its
 * tests), or, under CI, an error that fails the suite.
 */
export function requireBinary(name: string): string | undefined {
  const binary = findBinary(name);
  if (!binary) {
    if (process.env.CI) {
      throw new Error(
        `${name} is not installed; CI must install it (tests need it)`,
      );
    }
    // eslint-disable-next-line no-console
    console.warn(
      `\n*** SKIPPED: ${name} is not installed; the tests that need it do not run ***\n`,
    );
  }
  return binary;
}
