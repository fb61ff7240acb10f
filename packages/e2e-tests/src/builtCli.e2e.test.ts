/*
 * The `lookout` CLI as a user installs it: the node and common packages built with
 * `backstage-cli package build`, laid out as npm would install them (each package.json with its
 * publishConfig applied, so `main` is the built dist/index.cjs.js), without @backstage/cli on the
 * module path. Its output is byte for byte what the CLI renders from source in this repository.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from './startLookout';

jest.setTimeout(300_000);

const PACKAGES = {
  '@lookout/plugin-observability-common': 'plugins/observability-common',
  '@lookout/plugin-observability-node': 'plugins/observability-node',
};

/**
 * The `exports` of a published package, as `backstage-cli package prepack` writes them: every
 * entry point (`./src/<name>.ts`) to its built files (`./dist/<name>.cjs.js`).
 */
function publishedExports(
  exports: Record<string, string>,
): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(exports).map(([key, value]) => {
      if (key === './package.json') {
        return [key, value];
      }
      const name = key === '.' ? 'index' : key.slice(2);
      return [
        key,
        {
          require: `./dist/${name}.cjs.js`,
          types: `./dist/${name}.d.ts`,
          default: `./dist/${name}.cjs.js`,
        },
      ];
    }),
  );
}

/** Installs the built package at `source` into `modules` as npm would (publishConfig applied). */
function installBuilt(modules: string, name: string, source: string) {
  const target = join(modules, name);
  mkdirSync(target, { recursive: true });
  const manifest = JSON.parse(
    readFileSync(join(REPO_ROOT, source, 'package.json'), 'utf8'),
  );
  for (const entry of manifest.files as string[]) {
    cpSync(join(REPO_ROOT, source, entry), join(target, entry), {
      recursive: true,
    });
  }
  writeFileSync(
    join(target, 'package.json'),
    JSON.stringify({
      ...manifest,
      ...manifest.publishConfig,
      ...(manifest.exports && { exports: publishedExports(manifest.exports) }),
    }),
  );
  return target;
}

/** Links every installed dependency of the repository except Lookout's and @backstage/cli. */
function linkDependencies(modules: string) {
  const root = join(REPO_ROOT, 'node_modules');
  for (const entry of readdirSync(root)) {
    if (entry === '@lookout' || entry === '.bin') continue;
    if (entry === '@backstage') {
      mkdirSync(join(modules, entry));
      for (const pkg of readdirSync(join(root, entry))) {
        if (pkg !== 'cli') {
          symlinkSync(join(root, entry, pkg), join(modules, entry, pkg));
        }
      }
      continue;
    }
    symlinkSync(join(root, entry), join(modules, entry));
  }
}

describe('the lookout CLI from the built package', () => {
  let dir: string;

  beforeAll(() => {
    for (const source of Object.values(PACKAGES)) {
      execFileSync('yarn', ['backstage-cli', 'package', 'build'], {
        cwd: join(REPO_ROOT, source),
        stdio: 'pipe',
      });
    }
    dir = mkdtempSync(join(tmpdir(), 'lookout-built-cli-'));
  });

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('renders the demo catalog without @backstage/cli, as the source CLI does', () => {
    const modules = join(dir, 'node_modules');
    mkdirSync(modules);
    linkDependencies(modules);
    let cli = '';
    for (const [name, source] of Object.entries(PACKAGES)) {
      const target = installBuilt(modules, name, source);
      if (name.endsWith('-node')) cli = join(target, 'bin', 'lookout');
    }
    expect(existsSync(join(modules, '@backstage/cli'))).toBe(false);
    expect(existsSync(join(modules, '@backstage/config'))).toBe(true);

    const catalog = join(REPO_ROOT, 'examples/entities.yaml');
    // The demo's app-config allows the tenants and names the settings the demo catalog needs.
    const config = join(REPO_ROOT, 'app-config.yaml');
    const built = spawnSync(
      process.execPath,
      [
        cli,
        'render',
        '--catalog',
        catalog,
        '--config',
        config,
        '--out',
        join(dir, 'built'),
      ],
      { cwd: dir, encoding: 'utf8' },
    );
    expect(built.stderr).toMatch(/^Rendered \d+ of \d+ entities/m);
    expect(built.status).toBe(0);
    execFileSync(
      process.execPath,
      [
        join(REPO_ROOT, 'plugins/observability-node/bin/lookout'),
        'render',
        '--catalog',
        catalog,
        '--config',
        config,
        '--out',
        join(dir, 'source'),
      ],
      { cwd: REPO_ROOT, stdio: 'pipe' },
    );
    execFileSync('diff', ['-r', join(dir, 'built'), join(dir, 'source')]);
  });
});
