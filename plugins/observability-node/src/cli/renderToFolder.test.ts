/*
 * renderToFolder against a temporary output folder: names, bad entities and ownership.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Entity } from '@backstage/catalog-model';
import { CatalogEntity } from './readCatalog';
import { readSettings } from './readSettings';
import { renderToFolder } from './renderToFolder';

function component(
  namespace: string,
  name: string,
  kind = 'Component',
  annotations: Record<string, string> = {
    'lookout.dev/metrics-port': 'http',
    'lookout.dev/slo-availability': '99.9',
  },
): CatalogEntity {
  const entity: Entity = {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: {
      name,
      namespace,
      annotations,
    },
    spec: { type: 'service', owner: 'team', lifecycle: 'production' },
  };
  return { entity, file: '/catalog/catalog-info.yaml' };
}

/** Problem lines other than warnings (pages without a pager are warned about since routing). */
function errorLines(lines: string[]): string[] {
  return lines.filter(line => !line.endsWith('(warning)'));
}

function listTree(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[])
    .filter(rel => fs.statSync(path.join(dir, rel)).isFile())
    .map(rel => rel.split(path.sep).join('/'))
    .sort();
}

describe('renderToFolder', () => {
  let out: string;
  beforeEach(() => {
    out = fs.mkdtempSync(path.join(os.tmpdir(), 'lookout-render-'));
  });
  afterEach(() => fs.rmSync(out, { recursive: true, force: true }));

  it('writes folders for the entities the backend provisions and for no other (panels yes, logs or traces alone no)', async () => {
    const settings = await readSettings([], {});
    const run = await renderToFolder(
      [
        component('default', 'nightly', 'Component', {
          'lookout.dev/panels':
            '- title: Rows\n  query: rows{backstage_entity="component:default/nightly"}\n',
        }),
        component('default', 'docs', 'Component', {
          'lookout.dev/logs-selector': '{app="docs"}',
          'lookout.dev/traces-service': 'docs',
        }),
      ],
      settings,
      { outDir: out, format: 'operator', check: false },
    );
    expect(errorLines(run.lines)).toEqual([]);
    expect(listTree(out).filter(rel => rel.startsWith('component-'))).toEqual([
      'component-default-nightly/dashboard.json',
      'component-default-nightly/kustomization.yaml',
    ]);
  });

  it('gives component:team-a/checkout and component:team/a-checkout folders of their own', async () => {
    const settings = await readSettings([], {});
    const run = await renderToFolder(
      [component('team-a', 'checkout'), component('team', 'a-checkout')],
      settings,
      { outDir: out, format: 'operator', check: false },
    );
    expect(errorLines(run.lines)).toEqual([]);
    expect(run.rendered).toBe(2);
    const rules = (folder: string) =>
      fs.readFileSync(path.join(out, folder, 'prometheusrule.yaml'), 'utf8');
    expect(rules('component-team--a-checkout')).toContain(
      'component:team-a/checkout',
    );
    expect(rules('component-team-a-checkout')).toContain(
      'component:team/a-checkout',
    );
  });

  it('reports an entity with an invalid kind and renders the others', async () => {
    const settings = await readSettings([], {});
    const run = await renderToFolder(
      [component('default', 'bad', 'Comp_onent'), component('default', 'good')],
      settings,
      { outDir: out, format: 'operator', check: false },
    );
    expect(errorLines(run.lines)).toEqual([
      expect.stringMatching(
        /^comp_onent:default\/bad: kind: .*comp_onent.*not a valid entity kind/i,
      ),
    ]);
    expect(run.failed).toBe(true);
    expect(run.rendered).toBe(1);
    expect(listTree(out)).toContain(
      'component-default-good/prometheusrule.yaml',
    );
  });

  it('never removes or rewrites the files of another catalog (another instanceId) sharing the folder', async () => {
    const configDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lookout-config-'));
    const config = (id: string) => {
      const file = path.join(configDir, `${id}.yaml`);
      fs.writeFileSync(file, `observability:\n  instanceId: ${id}\n`);
      return file;
    };
    try {
      const shop = await readSettings([config('shop')], {});
      const billing = await readSettings([config('billing')], {});
      for (const format of ['operator', 'prometheus'] as const) {
        const dir = path.join(out, format);
        const target = { outDir: dir, format, check: false };
        await renderToFolder(
          [component('default', 'invoices')],
          billing,
          target,
        );
        const billingFiles = listTree(dir).filter(f => f.includes('invoices'));
        const before = billingFiles.map(f =>
          fs.readFileSync(path.join(dir, f), 'utf8'),
        );
        expect(billingFiles.length).toBeGreaterThan(1);

        // The shop catalog renders into the same folder twice (the second run prunes).
        await renderToFolder([component('default', 'cart')], shop, target);
        const run = await renderToFolder([], shop, target);

        expect(run.report.removed.some(f => f.includes('invoices'))).toBe(
          false,
        );
        expect(
          billingFiles.map(f => fs.readFileSync(path.join(dir, f), 'utf8')),
        ).toEqual(before);
        expect(listTree(dir).some(f => f.includes('cart'))).toBe(false);
        // The operator format's parent kustomization keeps listing the other catalog's folder.
        const parent = path.join(dir, 'kustomization.yaml');
        expect(
          format === 'operator' ? fs.readFileSync(parent, 'utf8') : 'none',
        ).toContain(
          format === 'operator' ? '- component-default-invoices\n' : 'none',
        );
      }
    } finally {
      fs.rmSync(configDir, { recursive: true, force: true });
    }
  });
});
