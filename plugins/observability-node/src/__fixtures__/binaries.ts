/*
 * Tests that need a real binary (kubectl, promtool): skipped with a loud message when it is
 * missing, failing instead when `CI` is set (CI installs every tool).
 */
import { spawnSync } from 'node:child_process';

/** Whether `name` runs on this machine. */
export function hasBinary(name: string): boolean {
  const result = spawnSync(name, ['--help'], { stdio: 'ignore' });
  return !result.error;
}

/**
 * `describe` when the binary exists; otherwise a suite that warns and skips, or fails under CI.
 */
export function describeWithBinary(
  name: string,
  title: string,
  body: () => void,
): void {
  if (hasBinary(name)) {
    describe(title, body);
    return;
  }
  if (process.env.CI) {
    describe(title, () => {
      it(`needs ${name}`, () => {
        throw new Error(`${name} is not installed, and CI must not skip: ${title}`);
      });
    });
    return;
  }
  // eslint-disable-next-line no-console
  console.warn(`SKIPPED "${title}": ${name} is not installed`);
  describe.skip(title, body);
}
