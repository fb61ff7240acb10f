/*
 * Tests that need a real binary (kubectl, promtool) run only where it is installed: elsewhere
 * they are skipped with a loud message, except under `CI` (which installs every tool), where the
 * missing binary fails the suite.
 */
import { spawnSync } from 'node:child_process';

/**
 * Whether `name` can run here. When it cannot: throws under `CI`, else warns and returns false,
 * e.g. `const describeKubectl = requireBinary('kubectl') ? describe : describe.skip;`.
 */
export function requireBinary(name: string): boolean {
  if (!spawnSync(name, ['--help'], { stdio: 'ignore' }).error) {
    return true;
  }
  if (process.env.CI) {
    throw new Error(
      `${name} is not installed, and CI must not skip the tests that need it`,
    );
  }
  // eslint-disable-next-line no-console
  console.warn(`SKIPPED: the tests that need ${name} (it is not installed)`);
  return false;
}
