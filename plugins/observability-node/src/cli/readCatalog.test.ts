import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readCatalog } from './readCatalog';

const entity = (name: string) =>
  `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: ${name}\n`;

describe('readCatalog', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lookout-catalog-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const write = (rel: string, content: string) => {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), content);
  };

  it('reads every entity document of the YAML files of a folder tree, in name order', async () => {
    write('b.yaml', `${entity('b1')}---\n${entity('b2')}`);
    write('a/catalog-info.yml', entity('a'));
    write('a/notes.txt', entity('not-yaml'));
    write('node_modules/pkg/catalog-info.yaml', entity('dependency'));
    write('.git/x.yaml', entity('hidden'));
    write('c.yaml', '---\nkind: Deployment\n---\n- a list\n---\n');
    write(
      'custom.yaml',
      'apiVersion: acme.example.com/v1\nkind: Service\nmetadata:\n  name: custom\n  annotations:\n    lookout.dev/metrics-port: "9090"\n',
    );
    write(
      'slos.yaml',
      'apiVersion: openslo/v1\nkind: SLO\nmetadata: { name: a }\n',
    );
    const catalog = await readCatalog([dir]);
    expect(catalog.entities.map(e => e.entity.metadata.name)).toEqual([
      'a',
      'b1',
      'b2',
      'custom',
    ]);
    expect(catalog.entities[0].file).toBe(path.join(dir, 'a/catalog-info.yml'));
    expect(catalog.errors).toEqual([]);
    expect(catalog.notes).toEqual([
      {
        file: path.join(dir, 'c.yaml'),
        message: 'skipped: not a Backstage entity (Deployment, a list)',
      },
      {
        file: path.join(dir, 'slos.yaml'),
        message:
          'skipped: OpenSLO documents, not entities (read when an entity names the file in lookout.dev/openslo)',
      },
    ]);
  });

  it('reports a named file that is not valid YAML, and skips one found by a folder scan', async () => {
    write('bad.yaml', 'metadata: [unclosed\n');
    write('good.yaml', entity('good'));
    const named = await readCatalog([
      path.join(dir, 'bad.yaml'),
      path.join(dir, 'good.yaml'),
    ]);
    expect(named.entities.map(e => e.entity.metadata.name)).toEqual(['good']);
    expect(named.errors).toEqual([
      {
        file: path.join(dir, 'bad.yaml'),
        message: expect.stringMatching(/^not valid YAML: /),
      },
    ]);
    const scanned = await readCatalog([dir]);
    expect(scanned.errors).toEqual([]);
    expect(scanned.notes).toEqual([
      {
        file: path.join(dir, 'bad.yaml'),
        message: expect.stringMatching(/^skipped: not valid YAML: /),
      },
    ]);
  });

  it('reads a file named twice once, and rejects a missing location as a usage error', async () => {
    write('a.yaml', entity('a'));
    const file = path.join(dir, 'a.yaml');
    expect((await readCatalog([file, dir])).entities).toHaveLength(1);
    await expect(readCatalog([path.join(dir, 'missing')])).rejects.toThrow(
      'no such file or folder',
    );
  });
});

describe('readCatalog on an ordinary repository', () => {
  const REPOSITORY = path.join(__dirname, '__fixtures__/repository');
  const rel = (file: string) => path.relative(REPOSITORY, file);

  it('reads the entities, follows Locations and skips what is not an entity with one note each', async () => {
    const catalog = await readCatalog([REPOSITORY]);
    expect(
      catalog.entities.map(e => [
        e.entity.kind,
        e.entity.metadata.name,
        rel(e.file),
      ]),
    ).toEqual([
      ['Component', 'checkout', 'services/checkout/catalog-info.yaml'],
      ['Component', 'payments', 'services/payments/catalog-info.yaml'],
      ['Template', 'new-service', 'templates/service/template.yaml'],
    ]);
    expect(catalog.errors).toEqual([]);
    expect(catalog.notes.map(n => `${rel(n.file)}: ${n.message}`)).toEqual([
      'services/payments/catalog-info.yaml: Location cycle (catalog-info.yaml → services/payments/catalog-info.yaml → catalog-info.yaml): not followed again',
      'charts/shop/Chart.yaml: skipped: not a Backstage entity (no kind)',
      'charts/shop/templates/deployment.yaml: skipped: a template with {{ … }} placeholders (Helm or Go), not plain YAML',
      'deploy/checkout.yaml: skipped: not a Backstage entity (apps/v1 Deployment, v1 Service)',
      'templates/service/skeleton/catalog-info.yaml: skipped: a scaffolder template skeleton (${{ … }} placeholders), not an entity',
      'tools/broken.yaml: skipped: not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ] at line 2, column 1:',
      'tools/release.yml: skipped: not a Backstage entity (a GitHub Actions workflow)',
    ]);
    expect(catalog.files).toHaveLength(10);
    expect(catalog.skipped).toBe(6);
  });

  it('follows a Location named as a file, and only into its own folder', async () => {
    const catalog = await readCatalog([
      path.join(REPOSITORY, 'catalog-info.yaml'),
    ]);
    expect(catalog.entities.map(e => e.entity.metadata.name)).toEqual([
      'checkout',
      'payments',
    ]);
    const payments = path.join(REPOSITORY, 'services/payments');
    const fromPayments = await readCatalog([
      path.join(payments, 'catalog-info.yaml'),
    ]);
    expect(fromPayments.entities.map(e => e.entity.metadata.name)).toEqual([
      'payments',
    ]);
    expect(fromPayments.errors).toEqual([
      {
        file: path.join(payments, 'catalog-info.yaml'),
        message: `Location back-to-root: target ../../catalog-info.yaml is outside the catalog folder ${payments}; not followed`,
      },
    ]);
  });
});

describe('readCatalog Location targets', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lookout-location-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const location = (spec: string) =>
    `apiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata:\n  name: root\nspec:\n${spec}\n`;

  it('reports a missing target, and notes url and brace-pattern targets it does not follow', async () => {
    fs.writeFileSync(
      path.join(dir, 'all.yaml'),
      `${location(
        '  targets: [./missing.yaml, ./teams/*.yaml, "./{a,b}.yaml"]',
      )}---\n${location(
        '  type: url\n  target: https://github.com/acme/shop/blob/main/catalog-info.yaml',
      )}`,
    );
    const catalog = await readCatalog([path.join(dir, 'all.yaml')]);
    expect(catalog.errors.map(e => e.message)).toEqual([
      'Location root: target ./missing.yaml: no such file',
      'Location root: target ./teams/*.yaml matches no file',
    ]);
    expect(catalog.notes.map(e => e.message)).toEqual([
      'Location root: target "./{a,b}.yaml" is not followed (the CLI follows file paths and * or ** patterns)',
      'Location root: type url is not followed (the CLI reads files; the catalog backend reads the others)',
    ]);
  });

  it('follows * and ** patterns, as Backstage file locations take them', async () => {
    const write = (rel: string, content: string) => {
      fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      fs.writeFileSync(path.join(dir, rel), content);
    };
    write('teams/a.yaml', entity('a'));
    write('teams/b.yml', entity('b'));
    write('teams/deep/c.yaml', entity('c'));
    write('teams/deep/values.yaml', 'replicas: 2\n');
    write('one.yaml', location('  target: ./teams/*.yaml'));
    write('all.yaml', location('  target: ./teams/**/*.yaml'));
    const one = await readCatalog([path.join(dir, 'one.yaml')]);
    expect(one.entities.map(e => e.entity.metadata.name)).toEqual(['a']);
    expect(one.searched).toEqual([path.join(dir, 'teams')]);
    const all = await readCatalog([path.join(dir, 'all.yaml')]);
    expect(all.entities.map(e => e.entity.metadata.name)).toEqual(['a', 'c']);
    expect(all.errors).toEqual([]);
    expect(all.notes.map(n => n.message)).toEqual([
      'skipped: not a Backstage entity (no kind)',
    ]);
  });
});
