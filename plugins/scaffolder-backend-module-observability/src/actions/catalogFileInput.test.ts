import { createMockDirectory } from '@backstage/backend-test-utils';
import { readCatalogFile } from './catalogFileInput';

describe('readCatalogFile', () => {
  const workspace = createMockDirectory({
    content: {
      'catalog-info.yaml':
        'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: { name: cart }\n',
    },
  });

  it('reads a file of the workspace and its entities', async () => {
    const file = await readCatalogFile(workspace.path, 'catalog-info.yaml');

    expect(file.path).toBe(workspace.resolve('catalog-info.yaml'));
    expect(file.text).toBe(
      'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: { name: cart }\n',
    );
    expect(file.documents.map(document => document.entityRef)).toEqual([
      'component:default/cart',
    ]);
  });

  it('names the filePath input when the file cannot be read', async () => {
    await expect(
      readCatalogFile(workspace.path, 'services/catalog-info.yaml'),
    ).rejects.toMatchObject({
      name: 'InputError',
      message: expect.stringMatching(
        /^filePath: cannot read services\/catalog-info\.yaml: ENOENT/,
      ),
    });
  });

  it('refuses a path outside the workspace', async () => {
    await expect(
      readCatalogFile(workspace.path, '../catalog-info.yaml'),
    ).rejects.toThrow(/outside/);
  });
});
