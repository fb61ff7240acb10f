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
    const catalog = await readCatalog([dir]);
    expect(catalog.entities.map(e => e.entity.metadata.name)).toEqual([
      'a',
      'b1',
      'b2',
    ]);
    expect(catalog.entities[0].file).toBe(path.join(dir, 'a/catalog-info.yml'));
    expect(catalog.errors).toEqual([]);
  });

  it('reports a file that is not valid YAML and still reads the others', async () => {
    write('bad.yaml', 'metadata: [unclosed\n');
    write('good.yaml', entity('good'));
    const catalog = await readCatalog([dir]);
    expect(catalog.entities.map(e => e.entity.metadata.name)).toEqual(['good']);
    expect(catalog.errors).toEqual([
      {
        file: path.join(dir, 'bad.yaml'),
        message: expect.stringMatching(/^not valid YAML: /),
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
