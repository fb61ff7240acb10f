/*
 * Where things are: the repository's deploy folder, this package's fixtures, and the binaries the
 * checks drive.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/**
 * The repository root: the nearest ancestor of `from` holding `deploy/observability`.
 *
 * @public
 */
// This package runs from source only (its tests), never from a production bundle, so __dirname is
// this file's folder.
// eslint-disable-next-line no-restricted-syntax
export function findRepoRoot(from: string = __dirname): string {
  let dir = resolve(from);
  for (;;) {
    if (existsSync(join(dir, 'deploy', 'observability'))) {
      return dir;
    }
    const parent = dirname(dir);
    if (parent === dir) {
      throw new Error(`No deploy/observability folder above ${from}`);
    }
    dir = parent;
  }
}

/** Absolute path of a file under the repository's `deploy/` folder. @public */
export function deployPath(...segments: string[]): string {
  return join(findRepoRoot(), 'deploy', ...segments);
}

/** Absolute path of a file under this package's `src/__fixtures__/`. @public */
export function fixturePath(...segments: string[]): string {
  // eslint-disable-next-line no-restricted-syntax
  return join(__dirname, '__fixtures__', ...segments);
}

/**
 * The binaries the checks run, at the paths the Debian packages install them to
 * (`prometheus`, `prometheus-alertmanager`, and kubectl for `kubectl kustomize`).
 *
 * @public
 */
export const BINARIES = {
  kubectl: '/usr/bin/kubectl',
  promtool: '/usr/bin/promtool',
  amtool: '/usr/bin/amtool',
  alertmanager: '/usr/bin/prometheus-alertmanager',
} as const;
