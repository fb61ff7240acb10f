/*
 * Tests that need a binary skip, loudly, when it is missing, except in CI (`CI` set), where a
 * missing binary fails the run: CI installs everything.
 */
import { existsSync } from 'node:fs';

/**
 * Whether every binary exists. When one is missing: throws in CI, otherwise warns and returns
 * false (the caller skips).
 */
export function haveBinaries(...paths: string[]): boolean {
  const missing = paths.filter(path => !existsSync(path));
  if (missing.length === 0) {
    return true;
  }
  const message = `${missing.join(', ')} not installed`;
  if (process.env.CI) {
    throw new Error(`${message}: CI must install it (see .ci/run)`);
  }
  // eslint-disable-next-line no-console
  console.warn(`SKIPPED: tests that need ${message}.`);
  return false;
}

/** `describe` when every binary exists, `describe.skip` otherwise (see {@link haveBinaries}). */
export function describeWithBinaries(...paths: string[]): jest.Describe {
  return haveBinaries(...paths) ? describe : describe.skip;
}
