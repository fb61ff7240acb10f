import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ConfigReader } from '@backstage/config';
import { mockServices } from '@backstage/backend-test-utils';
import { readObservabilityConfig } from '@lookout/plugin-observability-node';
import { component } from './__testUtils__/entities';
import { EntityPipeline } from './EntityPipeline';
import { OpenSloReader, resolveOpenSloLocation } from './OpenSloReader';

const OPENSLO = `apiVersion: openslo/v1
kind: SLO
metadata:
  name: availability
spec:
  service: inventory
  budgetingMethod: Occurrences
  objectives:
    - target: 0.999
  timeWindow:
    - duration: 28d
      isRolling: true
  indicator:
    metadata:
      name: availability-sli
    spec:
      ratioMetric:
        counter: true
        good:
          metricSource:
            type: Prometheus
            spec:
              query: http_requests_total{job="inventory", code!~"5.."}
        total:
          metricSource:
            type: Prometheus
            spec:
              query: http_requests_total{job="inventory"}
`;

describe('resolveOpenSloLocation', () => {
  it('reads url: locations as given', () => {
    expect(
      resolveOpenSloLocation(
        component('a', {}),
        'url:https://example.com/slos.yaml',
      ),
    ).toEqual({
      type: 'url',
      target: 'https://example.com/slos.yaml',
    });
  });

  it('resolves a relative path against a URL source location, else the catalog file', () => {
    const fromSource = component('a', {
      'backstage.io/source-location':
        'url:https://github.com/o/r/tree/main/svc/',
      'backstage.io/managed-by-location':
        'url:https://github.com/o/r/blob/main/catalog-info.yaml',
    });
    const fromFile = component('a', {
      'backstage.io/managed-by-location': 'file:/srv/catalog/entities.yaml',
    });

    expect(resolveOpenSloLocation(fromSource, './slos.yaml')).toEqual({
      type: 'url',
      target: 'https://github.com/o/r/tree/main/svc/slos.yaml',
    });
    expect(resolveOpenSloLocation(fromFile, 'openslo/inventory.yaml')).toEqual({
      type: 'file',
      target: '/srv/catalog/openslo/inventory.yaml',
      folder: '/srv/catalog',
    });
  });

  it('never resolves against a file: source location, which the entity author sets', () => {
    const entity = component('a', {
      'backstage.io/source-location': 'file:/etc/',
    });
    expect(() => resolveOpenSloLocation(entity, './passwd')).toThrow(
      /has no URL to resolve it against/,
    );
  });

  it("refuses paths that leave the catalog file's folder", () => {
    const fromFile = component('a', {
      'backstage.io/managed-by-location': 'file:/srv/catalog/entities.yaml',
    });
    expect(() => resolveOpenSloLocation(fromFile, '../secret.yaml')).toThrow(
      '../secret.yaml leaves the folder of the catalog file',
    );
    expect(() => resolveOpenSloLocation(fromFile, '/etc/passwd')).toThrow(
      '/etc/passwd is an absolute path',
    );
  });
});

describe('OpenSloReader', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'lookout-openslo-'));
    await fs.mkdir(path.join(dir, 'catalog'));
  });
  afterEach(() => fs.rm(dir, { recursive: true, force: true }));

  /** A mode-600 file outside the catalog folder, as a secret on the backend host. */
  async function secret(): Promise<string> {
    const file = path.join(dir, 'secret.yaml');
    await fs.writeFile(file, 'TOP-SECRET-TOKEN: hunter2-do-not-leak\n', {
      mode: 0o600,
    });
    return file;
  }

  it('reads documents next to a file catalog location', async () => {
    await fs.writeFile(path.join(dir, 'catalog', 'slos.yaml'), OPENSLO);
    const entity = component('inventory', {
      'backstage.io/managed-by-location': `file:${path.join(
        dir,
        'catalog',
        'catalog-info.yaml',
      )}`,
    });
    const reader = new OpenSloReader(mockServices.urlReader.mock());
    expect(await reader.readText(entity, './slos.yaml')).toBe(OPENSLO);
  });

  it('does not read a mode-600 file a file: source location points at, and does not echo it', async () => {
    const file = await secret();
    const urlReader = mockServices.urlReader.mock();
    const entity = component('inventory', {
      'backstage.io/source-location': `file:${dir}/`,
      'lookout.dev/metrics-port': 'http',
      'lookout.dev/openslo': './secret.yaml',
    });
    const pipeline = new EntityPipeline(
      readObservabilityConfig(new ConfigReader({})),
      new OpenSloReader(urlReader),
    );
    const outcome = pipeline.render(await pipeline.prepare(entity));
    expect(outcome.ok).toBe(false);
    const error = (outcome as { error: string }).error;
    expect(error).toMatch(
      /^lookout\.dev\/openslo: \.\/secret\.yaml is relative/,
    );
    expect(error).not.toContain('hunter2');
    expect(error).not.toContain(dir);
    expect(urlReader.readUrl).not.toHaveBeenCalled();
    expect(await fs.readFile(file, 'utf8')).toContain('hunter2');
  });

  it('does not follow a link out of the catalog folder, and names neither the path nor the errno', async () => {
    const file = await secret();
    await fs.symlink(file, path.join(dir, 'catalog', 'slos.yaml'));
    const entity = component('inventory', {
      'backstage.io/managed-by-location': `file:${path.join(
        dir,
        'catalog',
        'catalog-info.yaml',
      )}`,
    });
    const reader = new OpenSloReader(mockServices.urlReader.mock());
    const linked = reader.readText(entity, './slos.yaml');
    await expect(linked).rejects.toThrow(
      'cannot read ./slos.yaml next to the catalog file (missing, unreadable or outside its folder)',
    );
    const missing = await reader
      .readText(entity, './missing.yaml')
      .catch((error: Error) => error.message);
    expect(missing).not.toContain(dir);
    expect(missing).not.toMatch(/ENOENT|EACCES/);
  });

  it('reads relative paths of a URL source location through the URL reader', async () => {
    const urlReader = mockServices.urlReader.mock({
      readUrl: async () => ({
        buffer: async () => Buffer.from(OPENSLO),
        etag: 'v1',
      }),
    });
    const entity = component('inventory', {
      'backstage.io/source-location':
        'url:https://git.example.com/o/r/tree/main/',
    });
    const reader = new OpenSloReader(urlReader);
    expect(await reader.readText(entity, './slos.yaml')).toBe(OPENSLO);
    expect(urlReader.readUrl).toHaveBeenCalledWith(
      'https://git.example.com/o/r/tree/main/slos.yaml',
      { etag: undefined },
    );
  });
});

describe('EntityPipeline with OpenSLO', () => {
  it("gives documents without a window the entity's lookout.dev/slo-window, hours included (as the CLI)", async () => {
    const urlReader = mockServices.urlReader.mock({
      readUrl: async () => ({
        buffer: async () =>
          Buffer.from(OPENSLO.replace(/ {2}timeWindow:\n.*\n.*\n/, '')),
      }),
    });
    const pipeline = new EntityPipeline(
      readObservabilityConfig(new ConfigReader({})),
      new OpenSloReader(urlReader),
    );
    const entity = component('inventory', {
      'lookout.dev/metrics-port': 'http',
      'lookout.dev/slo-window': '720h',
      'lookout.dev/openslo': 'url:https://git.example.com/slos.yaml',
    });
    const outcome = pipeline.render(await pipeline.prepare(entity));
    expect(outcome.ok).toBe(true);
    const rules = JSON.stringify(
      (outcome as { render: { ruleGroups: object[] } }).render.ruleGroups,
    );
    expect(rules).toContain('window=\\"720h\\"');
  });
});
