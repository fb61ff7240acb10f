import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { mockServices } from '@backstage/backend-test-utils';
import { component } from './__testUtils__/entities';
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

  it('resolves a relative path against the source location, else the catalog file', () => {
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
    });
  });

  it('explains a relative path without any location to resolve it against', () => {
    expect(() =>
      resolveOpenSloLocation(component('a', {}), './slos.yaml'),
    ).toThrow(
      './slos.yaml is relative, but the entity has neither backstage.io/source-location nor backstage.io/managed-by-location; use url:<address>',
    );
  });
});

describe('OpenSloReader', () => {
  it('reads documents next to a file location and parses their SLOs, leaving out names already taken', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'lookout-openslo-'));
    try {
      await fs.writeFile(path.join(dir, 'slos.yaml'), OPENSLO);
      const entity = component('inventory', {
        'backstage.io/managed-by-location': `file:${path.join(
          dir,
          'catalog-info.yaml',
        )}`,
      });
      const reader = new OpenSloReader(mockServices.urlReader.mock());

      const text = await reader.readText(entity, './slos.yaml');
      const fresh = reader.parse(
        entity,
        'component:default/inventory',
        text,
        [],
      );
      const clash = reader.parse(entity, 'component:default/inventory', text, [
        'availability',
      ]);

      expect(fresh.slos.map(s => [s.name, s.objective, s.window])).toEqual([
        ['availability', 99.9, '28d'],
      ]);
      expect(fresh.problems.filter(p => p.severity === 'error')).toEqual([]);
      expect(clash.slos).toEqual([]);
      expect(clash.problems).toContainEqual(
        expect.objectContaining({
          annotation: 'lookout.dev/openslo',
          message:
            'SLO "availability" is already defined by another annotation',
        }),
      );
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
