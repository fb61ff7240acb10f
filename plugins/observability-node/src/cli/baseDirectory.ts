/*
 * The directory relative --catalog, --out and --config paths are resolved against: where the user
 * ran `yarn lookout`, which Yarn passes as INIT_CWD (a script's own working directory is its
 * package's).
 */
import path from 'node:path';

const PACKAGE_NAME = '@lookout/plugin-observability-node';

/**
 * `INIT_CWD` when set, else the process' working directory. One exception: started through this
 * package's own `lookout` script (which the root `yarn lookout` reaches via `yarn workspace`),
 * Yarn reports the package folder as INIT_CWD and the caller's folder is lost; the paths are then
 * taken relative to the repository root (`PROJECT_CWD`), where DESIGN §4 runs the CLI.
 */
export function baseDirectory(
  env: NodeJS.ProcessEnv,
  cwd: string,
  packageDir: string,
): string {
  const init = env.INIT_CWD;
  if (!init) {
    return cwd;
  }
  if (
    env.npm_package_name === PACKAGE_NAME &&
    path.resolve(init) === path.resolve(packageDir) &&
    env.PROJECT_CWD
  ) {
    return env.PROJECT_CWD;
  }
  return init;
}
