/*
 * The run stamp: a second `lookout render` with nothing changed prints the last result without
 * rendering, and any change of what the run depends on (catalog, OpenSLO file, settings, output
 * folder, command) makes it render again.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  CHECKOUT as CHECKOUT_WITHOUT_OPENSLO,
  DEMO_OPENSLO,
  runLookout,
  withAnnotation,
} from './__testUtils__/cliFixtures';
import { readStamp, stampFile, stampKey, writeStamp } from './runStamp';

const UNCHANGED = /nothing changed since the last run/;

/** A service with an SLO of its own and the demo's OpenSLO documents beside its catalog file. */
const CHECKOUT = withAnnotation(
  CHECKOUT_WITHOUT_OPENSLO,
  'lookout.dev/openslo',
  './slos.yaml',
);

describe('run stamp', () => {
  let root: string;
  let catalogDir: string;
  let out: string;

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'lookout-stamp-'));
    catalogDir = path.join(root, 'catalog');
    out = path.join(root, 'out');
    fs.mkdirSync(catalogDir);
    writeCatalogFile('checkout.yaml', CHECKOUT);
    writeCatalogFile('slos.yaml', DEMO_OPENSLO);
    fs.writeFileSync(
      path.join(root, 'app-config.yaml'),
      'observability:\n  render:\n    defaultNamespace: observability\n',
    );
  });

  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  function render(...extra: string[]) {
    return runLookout(
      [
        'render',
        '--catalog',
        'catalog',
        '--out',
        'out',
        '--config',
        'app-config.yaml',
        ...extra,
      ],
      { cwd: root, env: { LOOKOUT_CACHE_DIR: path.join(root, 'cache') } },
    );
  }

  function writeCatalogFile(name: string, content: string) {
    fs.writeFileSync(path.join(catalogDir, name), content);
  }

  it('prints the result of a run with nothing to do, without rendering, when nothing changed', async () => {
    const first = await render();
    expect(first.code).toBe(0);
    expect(first.stderr).toMatch(/file\(s\) written, 0 removed, 0 unchanged/);
    expect(first.stderr).not.toMatch(UNCHANGED);

    const second = await render();
    expect(second.stderr).toMatch(UNCHANGED);
    expect(second.stderr).toMatch(
      /: 0 file\(s\) written, 0 removed, \d+ unchanged/,
    );
    expect(second.code).toBe(0);

    const full = await render('--no-cache');
    expect(full.stderr).not.toMatch(UNCHANGED);
    expect(
      full.stderr.split('\n').filter(l => l.startsWith('Rendered')),
    ).toEqual(second.stderr.split('\n').filter(l => l.startsWith('Rendered')));
  });

  it.each([
    [
      'a catalog file rewritten with the same size',
      () => writeCatalogFile('checkout.yaml', CHECKOUT.replace('99.9', '99.5')),
    ],
    [
      'a file added to a catalog folder',
      () =>
        writeCatalogFile(
          'other.yaml',
          CHECKOUT.replace('name: checkout', 'name: other'),
        ),
    ],
    [
      'the OpenSLO file an entity names',
      () =>
        writeCatalogFile('slos.yaml', DEMO_OPENSLO.replace('0.995', '0.999')),
    ],
    [
      'the settings',
      () =>
        fs.writeFileSync(
          path.join(root, 'app-config.yaml'),
          'observability:\n  render:\n    defaultNamespace: monitoring\n',
        ),
    ],
    [
      // The key holds the config as read, not the settings read from it.
      'a config key the settings do not read',
      () =>
        fs.appendFileSync(
          path.join(root, 'app-config.yaml'),
          'organization:\n  name: ACME\n',
        ),
    ],
    [
      'a generated file edited by hand',
      () =>
        fs.appendFileSync(
          path.join(out, 'component-default-checkout', 'kustomization.yaml'),
          '# edited\n',
        ),
    ],
    [
      'a generated file removed',
      () =>
        fs.rmSync(
          path.join(out, 'component-default-checkout', 'kustomization.yaml'),
        ),
    ],
    [
      'a file added to the output folder',
      () => fs.writeFileSync(path.join(out, 'notes.txt'), 'mine\n'),
    ],
  ])('renders again after a change of %s', async (_what, change) => {
    await render();
    expect((await render()).stderr).toMatch(UNCHANGED);

    change();
    const again = await render();
    expect(again.stderr).not.toMatch(UNCHANGED);
    // And the run after that one, with nothing changed since, is stamped again.
    expect((await render()).stderr).toMatch(UNCHANGED);
  });

  it('restores what a full run restores: the output of a stamped run is the full run’s', async () => {
    await render();
    const generated = path.join(
      out,
      'component-default-checkout',
      'kustomization.yaml',
    );
    const content = fs.readFileSync(generated, 'utf8');
    fs.writeFileSync(generated, `${content}# edited\n`);
    const again = await render();
    expect(again.stderr).toMatch(/1 file\(s\) written/);
    expect(fs.readFileSync(generated, 'utf8')).toBe(content);
  });

  it('keeps the stamps of render and --check apart', async () => {
    await render();
    const check = await render('--check');
    expect(check.stderr).not.toMatch(UNCHANGED);
    expect(check.stderr).toMatch(/out is up to date/);
    const checkAgain = await render('--check');
    expect(checkAgain.stderr).toMatch(UNCHANGED);
    expect(checkAgain.stderr).toMatch(/out is up to date/);
    expect(checkAgain.code).toBe(0);
  });

  it('replays drift and problems as found: a stamped --check still fails', async () => {
    const check = await render('--check');
    expect(check.code).toBe(1);
    const again = await render('--check');
    expect(again.stderr).toMatch(UNCHANGED);
    expect(again.code).toBe(1);
    expect(again.stdout).toBe(check.stdout);
  });

  it('renders again after a change of code the run loaded after taking its key', () => {
    // The CLI loads the render engine only after it has found no stamp to answer with.
    const late = path.join(root, 'late.js');
    fs.writeFileSync(late, 'module.exports = 1;\n');
    const key = stampKey({
      command: { format: 'operator', out, check: false, catalog: [catalogDir] },
      config: {},
      allowRead: [],
    });
    require(late);
    fs.mkdirSync(out);
    const file = stampFile(path.join(root, 'cache'), out);
    const outcome = { stdout: [], stderr: ['rendered'], code: 0 };
    writeStamp(file, { key, inputs: {}, out, outcome });
    expect(readStamp(file, key, out)).toEqual(outcome);

    fs.writeFileSync(late, 'module.exports = 22;\n');
    expect(readStamp(file, key, out)).toBeUndefined();
  });

  it('renders again when the run has loaded code the stamped run had not', () => {
    const key = stampKey({
      command: { format: 'operator', out, check: false, catalog: [catalogDir] },
      config: {},
      allowRead: [],
    });
    fs.mkdirSync(out);
    const file = stampFile(path.join(root, 'cache'), out);
    const outcome = { stdout: [], stderr: ['rendered'], code: 0 };
    writeStamp(file, { key, inputs: {}, out, outcome });
    expect(readStamp(file, key, out)).toEqual(outcome);

    const other = path.join(root, 'other.js');
    fs.writeFileSync(other, 'module.exports = 1;\n');
    require(other);
    expect(readStamp(file, key, out)).toBeUndefined();
  });

  it('does not trust a stamp that is not newer than what it records', async () => {
    await render();
    const [stamp] = fs.readdirSync(path.join(root, 'cache'));
    const past = new Date(Date.now() - 3600_000);
    fs.utimesSync(path.join(root, 'cache', stamp), past, past);
    expect((await render()).stderr).not.toMatch(UNCHANGED);
  });
});
