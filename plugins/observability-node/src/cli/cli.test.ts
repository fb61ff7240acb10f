/*
 * The `lookout` CLI as users run it: the real bin in a child process, against a catalog in a
 * temporary folder.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import {
  CHECKOUT,
  componentYaml,
  DEMO_OPENSLO,
} from './__testUtils__/cliFixtures';

const BIN = path.resolve(__dirname, '../../bin/lookout');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the bin with a clean environment (no yarn variables unless given). */
function lookout(
  args: string[],
  options: { cwd: string; env?: Record<string, string> },
): Promise<Run> {
  const env: Record<string, string> = { PATH: process.env.PATH ?? '' };
  return new Promise(resolve => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { cwd: options.cwd, env: { ...env, ...options.env } },
      (error, stdout, stderr) => {
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
      },
    );
  });
}

/** The owner of checkout and inventory, paged through the PagerDuty plugin's annotation. */
const TEAM_SHOP = `apiVersion: backstage.io/v1alpha1
kind: Group
metadata:
  name: team-shop
  annotations:
    pagerduty.com/integration-key: 0123456789abcdef0123456789abcdef
spec:
  type: team
  children: []
`;

const INVENTORY = componentYaml('inventory', {
  'lookout.dev/metrics-port': 'http',
  'lookout.dev/openslo': './slos/inventory.yaml',
});

const BROKEN = componentYaml(
  'search',
  {
    'lookout.dev/metrics-port': 'http',
    'lookout.dev/slo-availability': '99.9%',
    'lookout.dev/dashbaord': '"false"',
  },
  'team-search',
);

const NOT_AN_ENTITY = `# a Kubernetes-less YAML document that is not an entity
just: some
data: [1, 2]
`;

function write(root: string, files: Record<string, string>) {
  for (const [rel, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), content);
  }
}

function listTree(dir: string): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const entry of fs.readdirSync(path.join(dir, rel), {
      withFileTypes: true,
    })) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(child);
      else out.push(child);
    }
  };
  if (fs.existsSync(dir)) walk('');
  return out.sort();
}

jest.setTimeout(60_000);

describe('lookout CLI', () => {
  let root: string;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'lookout-cli-'));
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  /** A YAML file of the output folder, parsed. */
  const readOut = (rel: string) =>
    parse(fs.readFileSync(path.join(root, 'out', rel), 'utf8'));

  /** `lookout render --catalog <catalog> --out out <extra>` in the test's folder. */
  const render = (catalog: string, ...extra: string[]) =>
    lookout(['render', '--catalog', catalog, '--out', 'out', ...extra], {
      cwd: root,
    });

  it('renders a valid catalog in the operator format and exits 0', async () => {
    write(root, {
      'catalog/catalog-info.yaml': `${CHECKOUT}---\n${NOT_AN_ENTITY}---\n${TEAM_SHOP}`,
      'catalog/inventory/catalog-info.yaml': INVENTORY,
      'catalog/inventory/slos/inventory.yaml': DEMO_OPENSLO,
    });
    const run = await render('catalog');
    expect(run.stdout).toBe('');
    expect(run.code).toBe(0);
    expect(listTree(path.join(root, 'out'))).toEqual([
      'component-default-checkout/dashboard.json',
      'component-default-checkout/kustomization.yaml',
      'component-default-checkout/prometheusrule.yaml',
      'component-default-checkout/servicemonitor.yaml',
      'component-default-inventory/dashboard.json',
      'component-default-inventory/kustomization.yaml',
      'component-default-inventory/prometheusrule.yaml',
      'component-default-inventory/servicemonitor.yaml',
      'group-default-team-shop/alertmanagerconfig.yaml',
      'group-default-team-shop/kustomization.yaml',
      'group-default-team-shop/secret.yaml',
      'kustomization.yaml',
    ]);
    const rule = readOut('component-default-inventory/prometheusrule.yaml');
    expect(JSON.stringify(rule)).toContain('slo=\\"lookups\\"');
  });

  it('prints one line per problem, writes the valid entities only and exits 1', async () => {
    write(root, {
      'catalog.yaml': `${CHECKOUT}---\n${BROKEN}---\n${TEAM_SHOP}`,
    });
    const run = await render('catalog.yaml');
    expect(run.code).toBe(1);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^component:default\/search: lookout\.dev\/slo-availability: .+[^)]$/,
        ),
        expect.stringMatching(
          /^component:default\/search: lookout\.dev\/dashbaord: .+ \(warning\)$/,
        ),
      ]),
    );
    const written = listTree(path.join(root, 'out'));
    expect(written.some(f => f.includes('search'))).toBe(false);
    expect(written).toContain('component-default-checkout/servicemonitor.yaml');
    expect(readOut('kustomization.yaml').resources).toEqual([
      'component-default-checkout',
      'group-default-team-shop',
    ]);
  });

  it('keeps the earlier files of an entity that has errors now', async () => {
    write(root, { 'catalog.yaml': CHECKOUT });
    await render('catalog.yaml');
    const before = listTree(path.join(root, 'out'));
    write(root, {
      'catalog.yaml': CHECKOUT.replace('"99.9"', '"100"'),
    });
    const run = await render('catalog.yaml');
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /^component:default\/checkout: lookout\.dev\/slo-availability: /,
    );
    expect(listTree(path.join(root, 'out'))).toEqual(before);
    expect(readOut('kustomization.yaml').resources).toEqual([
      'component-default-checkout',
    ]);
  });

  it('never touches files it did not generate, and removes the files of deleted entities', async () => {
    const CART = CHECKOUT.replace('name: checkout', 'name: cart');
    write(root, {
      'catalog.yaml': `${CHECKOUT}---\n${CART}---\n${INVENTORY.replace(
        / {4}lookout.dev\/openslo.*\n/,
        '',
      )}`,
      'out/README.md': 'hand-written\n',
      'out/component-default-inventory/notes.txt': 'mine\n',
    });
    const first = await render('catalog.yaml');
    expect(first.code).toBe(1);
    expect(first.stderr).toContain(
      'component:default/inventory: folder component-default-inventory exists and was not generated by Lookout; it is left alone\n',
    );
    expect(listTree(path.join(root, 'out'))).toContain(
      'component-default-cart/kustomization.yaml',
    );

    write(root, { 'catalog.yaml': CHECKOUT });
    const run = await render('catalog.yaml');
    expect(run.code).toBe(0);
    const tree = listTree(path.join(root, 'out'));
    expect(
      tree.filter(f => !f.startsWith('component-default-checkout/')),
    ).toEqual([
      'README.md',
      'component-default-inventory/notes.txt',
      'kustomization.yaml',
    ]);
    expect(fs.readFileSync(path.join(root, 'out/README.md'), 'utf8')).toBe(
      'hand-written\n',
    );
    expect(
      fs.readFileSync(
        path.join(root, 'out/component-default-inventory/notes.txt'),
        'utf8',
      ),
    ).toBe('mine\n');
  });

  it('detects drift with --check without writing anything', async () => {
    write(root, { 'catalog.yaml': `${CHECKOUT}---\n${TEAM_SHOP}` });
    await render('catalog.yaml');
    const clean = await render('catalog.yaml', '--check');
    expect(clean.code).toBe(0);
    expect(clean.stdout).toBe('');

    const monitor = path.join(
      root,
      'out/component-default-checkout/servicemonitor.yaml',
    );
    fs.writeFileSync(monitor, `${fs.readFileSync(monitor, 'utf8')}# edited\n`);
    fs.rmSync(path.join(root, 'out/component-default-checkout/dashboard.json'));
    write(root, {
      'out/component-default-gone/kustomization.yaml':
        '# Generated by Lookout from component:default/gone; do not edit.\nresources: []\n',
    });
    const drift = await render('catalog.yaml', '--check');
    expect(drift.code).toBe(1);
    expect(drift.stdout.trim().split('\n').sort()).toEqual([
      'differs: out/component-default-checkout/servicemonitor.yaml',
      'missing: out/component-default-checkout/dashboard.json',
      'obsolete: out/component-default-gone/kustomization.yaml',
    ]);
    expect(fs.readFileSync(monitor, 'utf8')).toMatch(/# edited\n$/);
    expect(fs.existsSync(path.join(root, 'out/component-default-gone'))).toBe(
      true,
    );
  });

  it('writes the prometheus format', async () => {
    write(root, {
      'catalog.yaml': `${CHECKOUT}---\n${CHECKOUT.replace(
        'name: checkout',
        'name: legacy',
      )
        .replace(/ {4}backstage.io.*\n/g, '')
        .replace(
          'lookout.dev/metrics-port: http-metrics',
          'lookout.dev/metrics-targets: vm-1:9100',
        )}`,
    });
    const run = await render('catalog.yaml', '--format', 'prometheus');
    expect(run.code).toBe(0);
    const tree = listTree(path.join(root, 'out'));
    expect(tree).toEqual(
      expect.arrayContaining([
        'dashboards/component_default_checkout.json',
        'rules/component-default-checkout.yaml',
        'rules/component-default-legacy.yaml',
        'targets/component-default-legacy.json',
        'tests/component-default-checkout.availability.yaml',
      ]),
    );
  });

  it("routes the catalog's teams: a Group's malformed key is an error naming the annotation, a team without a pager a warning", async () => {
    write(root, {
      'catalog.yaml': `${CHECKOUT}---\n${TEAM_SHOP.replace(
        '0123456789abcdef0123456789abcdef',
        'not-a-key',
      )}---\n${CHECKOUT.replace('name: checkout', 'name: cart').replace(
        'owner: team-shop',
        'owner: team-cart',
      )}`,
    });
    const run = await render('catalog.yaml', '--format', 'prometheus');
    expect(run.code).toBe(1);
    expect(run.stdout.trim().split('\n')).toEqual([
      expect.stringMatching(
        /^group:default\/team-shop: pagerduty\.com\/integration-key: found "not-a-key"; expected the 32-character Events API v2 integration key/,
      ),
      'component:default/checkout: pagerduty.com/integration-key: pages of this entity reach the default receiver (unrouted), not a pager: add pagerduty.com/integration-key (or lookout.dev/pager-secret) to its owner group:default/team-shop (or this entity) (warning)',
      'component:default/cart: pagerduty.com/integration-key: pages of this entity reach the default receiver (unrouted), not a pager: add pagerduty.com/integration-key (or lookout.dev/pager-secret) to its owner group:default/team-cart (or this entity) (warning)',
    ]);
    const config = readOut('alertmanager/alertmanager.yaml');
    expect(config.route).toMatchObject({ receiver: 'unrouted' });
    expect(config.route.routes).toBeUndefined();
  });

  it("validates the owners' routing like render: a Group's malformed Secret reference fails, naming the annotation", async () => {
    write(root, {
      'catalog.yaml': `${CHECKOUT}---\n${TEAM_SHOP.replace(
        'pagerduty.com/integration-key: 0123456789abcdef0123456789abcdef',
        'lookout.dev/pager-secret: just-a-name',
      )}`,
    });
    const run = await lookout(['validate', '--catalog', 'catalog.yaml'], {
      cwd: root,
    });
    expect(run.code).toBe(1);
    expect(run.stdout.trim().split('\n')).toEqual([
      expect.stringMatching(
        /^group:default\/team-shop: lookout\.dev\/pager-secret: "just-a-name" is not <secret>\/<key>/,
      ),
      expect.stringMatching(
        /^component:default\/checkout: pagerduty\.com\/integration-key: pages of this entity reach the default receiver \(unrouted\)/,
      ),
    ]);
  });

  it('validates without writing, with the same problem lines and exit codes', async () => {
    write(root, {
      'good.yaml': `${CHECKOUT}---\n${TEAM_SHOP}`,
      'bad.yaml': BROKEN,
    });
    const good = await lookout(['validate', '--catalog', 'good.yaml'], {
      cwd: root,
    });
    expect(good.code).toBe(0);
    expect(good.stdout).toBe('');
    const bad = await lookout(
      ['validate', '--catalog', 'good.yaml', '--catalog', 'bad.yaml'],
      {
        cwd: root,
      },
    );
    expect(bad.code).toBe(1);
    expect(bad.stdout.trim().split('\n')).toHaveLength(2);
    expect(fs.readdirSync(root).sort()).toEqual(['bad.yaml', 'good.yaml']);
  });

  it('validates an ordinary repository: what is not an entity is a note on stderr and never fails the run', async () => {
    fs.cpSync(
      path.join(__dirname, '__fixtures__/repository'),
      path.join(root, 'repo'),
      {
        recursive: true,
      },
    );
    const run = await lookout(['validate', '--catalog', 'repo'], { cwd: root });
    // The one problem line: the repository names no Group with a pager (a warning, exit 0).
    expect(run.stdout).toBe(
      'component:default/checkout: pagerduty.com/integration-key: pages of this entity reach the default receiver (unrouted), not a pager: add pagerduty.com/integration-key (or lookout.dev/pager-secret) to its owner group:default/team-shop (or this entity) (warning)\n',
    );
    expect(run.code).toBe(0);
    expect(run.stderr.trim().split('\n')).toEqual([
      'repo/services/payments/catalog-info.yaml: Location cycle (catalog-info.yaml → services/payments/catalog-info.yaml → catalog-info.yaml): not followed again',
      'repo/charts/shop/Chart.yaml: skipped: not a Backstage entity (no kind)',
      'repo/charts/shop/templates/deployment.yaml: skipped: a template with {{ … }} placeholders (Helm or Go), not plain YAML',
      'repo/deploy/checkout.yaml: skipped: not a Backstage entity (apps/v1 Deployment, v1 Service)',
      'repo/templates/service/skeleton/catalog-info.yaml: skipped: a scaffolder template skeleton (${{ … }} placeholders), not an entity',
      expect.stringMatching(
        /^repo\/tools\/broken.yaml: skipped: not valid YAML: /,
      ),
      'repo/tools/release.yml: skipped: not a Backstage entity (a GitHub Actions workflow)',
      'Validated 2 entities with Lookout annotations: 0 with errors; catalog files: 4 read, 6 skipped, 0 with errors',
    ]);
  });

  it('counts a named file that is not valid YAML as wrong, in the exit code and the summary', async () => {
    write(root, { 'good.yaml': CHECKOUT, 'bad.yaml': 'a: [unclosed\n' });
    const run = await lookout(
      ['validate', '--catalog', 'good.yaml', '--catalog', 'bad.yaml'],
      { cwd: root },
    );
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^bad.yaml: not valid YAML: /);
    expect(run.stderr).toBe(
      'Validated 1 entities with Lookout annotations: 0 with errors; catalog files: 2 read, 0 skipped, 1 with errors\n',
    );
  });

  it('reports url: OpenSLO locations as not supported by the CLI', async () => {
    write(root, {
      'catalog.yaml': INVENTORY.replace(
        './slos/inventory.yaml',
        'url:https://example.com/slos.yaml',
      ),
    });
    const run = await lookout(['validate', '--catalog', 'catalog.yaml'], {
      cwd: root,
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /^component:default\/inventory: lookout\.dev\/openslo: url:https:\/\/example\.com\/slos\.yaml is not supported by the CLI/,
    );
  });

  it('exits 2 with the usage on stderr for usage errors', async () => {
    for (const args of [
      [],
      ['render', '--catalog', 'x.yaml'],
      ['render', '--catalog', 'missing.yaml', '--out', 'out'],
      ['lint', '--catalog', 'x.yaml'],
    ]) {
      const run = await lookout(args, { cwd: root });
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('Usage:');
      expect(run.stdout).toBe('');
    }
    expect(fs.existsSync(path.join(root, 'out'))).toBe(false);
  });

  describe('loads what a run needs only', () => {
    /**
     * Runs the bin with a preload that lists the modules loaded when it exits (written once: it
     * is loaded code, which the run stamp covers).
     */
    async function modulesOf(
      args: string[],
      env: Record<string, string> = {},
    ): Promise<{ run: Run; modules: string[] }> {
      const preload = path.join(root, 'list-modules.js');
      const list = path.join(root, 'modules.json');
      if (!fs.existsSync(preload)) {
        fs.writeFileSync(
          preload,
          `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(
            list,
          )}, JSON.stringify(Object.keys(require.cache))));\n`,
        );
      }
      const run = await lookout(args, {
        cwd: root,
        env: { ...env, NODE_OPTIONS: `--require ${preload}` },
      });
      return { run, modules: JSON.parse(fs.readFileSync(list, 'utf8')) };
    }

    /** What renders: the catalog reader, the settings, the render engine, the sinks. */
    const RENDERING = [
      /\/observability-node\/src\/cli\/(readCatalog|readSettings|renderToFolder|renderCatalog)\.ts$/,
      /\/observability-node\/src\/(render|sinks|config)\//,
      /\/observability-common\/src\//,
      /\/node_modules\/@grafana\//,
      /\/node_modules\/@backstage\/catalog-model\//,
    ];
    const loaded = (modules: string[], patterns: RegExp[]) =>
      modules.filter(file => patterns.some(pattern => pattern.test(file)));

    it('answers a render the run stamp covers without loading what renders', async () => {
      write(root, {
        'catalog.yaml': CHECKOUT,
        'app-config.yaml':
          'observability:\n  render:\n    defaultNamespace: monitoring\n',
      });
      const args = [
        'render',
        '--catalog',
        'catalog.yaml',
        '--out',
        'out',
        '--config',
        'app-config.yaml',
      ];
      const env = { LOOKOUT_CACHE_DIR: path.join(root, 'cache') };
      const first = await modulesOf(args, env);
      expect(first.run.code).toBe(0);
      expect(loaded(first.modules, RENDERING)).not.toEqual([]);

      const stamped = await modulesOf(args, env);
      expect(stamped.run.stderr).toMatch(/nothing changed since the last run/);
      expect(stamped.run.code).toBe(0);
      expect(stamped.modules).toContainEqual(
        expect.stringMatching(/\/src\/cli\/runStamp\.ts$/),
      );
      expect(loaded(stamped.modules, RENDERING)).toEqual([]);
    });

    it('prints the usage without loading what renders, nor the config loader', async () => {
      const { run, modules } = await modulesOf(['--help']);
      expect(run.stdout).toContain('Usage:');
      expect(run.code).toBe(0);
      expect(
        loaded(modules, [
          ...RENDERING,
          /\/node_modules\/@backstage\/config-loader\//,
        ]),
      ).toEqual([]);
    });
  });

  it('resolves relative paths against the folder yarn was started from (INIT_CWD)', async () => {
    write(root, {
      'repo/examples/catalog.yaml': CHECKOUT,
      'repo/app-config.yaml':
        'observability:\n  render:\n    resourceLabels:\n      release: kube-prometheus-stack\n',
    });
    const run = await lookout(
      [
        'render',
        '--catalog',
        'examples',
        '--out',
        'deploy/entities',
        '--config',
        'app-config.yaml',
      ],
      { cwd: os.tmpdir(), env: { INIT_CWD: path.join(root, 'repo') } },
    );
    expect(run.code).toBe(0);
    const monitor = parse(
      fs.readFileSync(
        path.join(
          root,
          'repo/deploy/entities/component-default-checkout/servicemonitor.yaml',
        ),
        'utf8',
      ),
    );
    expect(monitor.metadata.labels.release).toBe('kube-prometheus-stack');
  });
});
