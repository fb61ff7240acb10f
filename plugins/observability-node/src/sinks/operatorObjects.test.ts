import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { parseAllDocuments } from 'yaml';
import { entityFolderFiles } from './kustomize/entityFolderFiles';
import {
  manifestId,
  operatorObjects,
  parseManifestId,
} from './operatorObjects';
import { makeTempDir } from './__testUtils__/folders';
import { requireBinary } from './__testUtils__/requireBinary';
import { sampleRender } from './__testUtils__/sampleRender';

const run = promisify(execFile);
const kubectl = requireBinary('kubectl');

function sortById<T extends { kind: string; metadata: { name: string } }>(
  objects: T[],
): T[] {
  return [...objects].sort((a, b) =>
    `${a.kind}/${a.metadata.name}`.localeCompare(
      `${b.kind}/${b.metadata.name}`,
    ),
  );
}

(kubectl ? describe : describe.skip)(
  'operatorObjects (kubectl kustomize)',
  () => {
    it('builds exactly the objects kubectl kustomize builds from the entity folder', async () => {
      const files = entityFolderFiles(sampleRender('component:shop/checkout'));
      const dir = await makeTempDir('objects');
      try {
        for (const [name, content] of files) {
          await fs.writeFile(path.join(dir, name), content);
        }
        const { stdout } = await run(kubectl!, ['kustomize', dir]);
        const expected = parseAllDocuments(stdout).map(doc => doc.toJS());

        const objects = operatorObjects(files);

        expect(sortById(objects)).toEqual(sortById(expected));
        expect(objects.map(o => o.kind).sort()).toEqual([
          'ConfigMap',
          'PrometheusRule',
          'ServiceMonitor',
        ]);
      } finally {
        await fs.rm(dir, { recursive: true, force: true });
      }
    });
  },
);

describe('operatorObjects', () => {
  it('names objects by apiVersion, kind, namespace and name, and parses the name back', () => {
    const [object] = operatorObjects(
      entityFolderFiles(
        sampleRender('component:shop/checkout', {
          scrape: false,
          dashboard: false,
        }),
      ),
    );
    const id = manifestId(object);

    expect(id).toBe(
      'monitoring.coreos.com/v1/PrometheusRule/shop/component-shop-checkout',
    );
    expect(parseManifestId(id)).toEqual({
      apiVersion: 'monitoring.coreos.com/v1',
      kind: 'PrometheusRule',
      namespace: 'shop',
      name: 'component-shop-checkout',
    });
    expect(parseManifestId('v1/Namespace//shop')).toEqual({
      apiVersion: 'v1',
      kind: 'Namespace',
      name: 'shop',
    });
  });
});
