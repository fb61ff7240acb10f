import { createMockDirectory } from '@backstage/backend-test-utils';
import { readCatalogFile } from './catalogFileInput';

describe('readCatalogFile', () => {
  const workspace = createMockDirectory({
    content: { 'catalog-info.yaml': 'kind: Component\n' },
  });

  it('reads a file of the workspace', async () => {
    await expect(
      readCatalogFile(workspace.path, 'catalog-info.yaml'),
    ).resolves.toEqual({
      path: workspace.resolve('catalog-info.yaml'),
      text: 'kind: Component\n',
    });
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
