import path from 'node:path';
import {
  makeSampleChanges,
  SAMPLE_TREE,
  snapshot,
  tempDirsRemovedAfterAll,
  upsertOf,
  writeTree,
} from '../__testUtils__/folders';
import { sampleRender } from '../__testUtils__/sampleRender';
import { KustomizeSink } from '../kustomize/KustomizeSink';
import { DryRunFileSystem } from './DryRunFileSystem';

const tempDir = tempDirsRemovedAfterAll('dry-run');

const BEFORE = SAMPLE_TREE;

describe('DryRunFileSystem', () => {
  it('shows its own writes to later reads and leaves the real folder as it was', async () => {
    const dir = await tempDir();
    await writeTree(dir, BEFORE);
    const dry = new DryRunFileSystem();
    const at = await makeSampleChanges(dry, dir);

    expect(await dry.readFile(at('changed.txt'))).toBe('new\n');
    expect(await dry.readFile(at('gone.txt'))).toBeUndefined();
    expect(await dry.readFile(at('moved/deep/b.txt'))).toBe('b\n');
    expect(await dry.readFile(at('folder/a.txt'))).toBeUndefined();
    expect((await dry.readdir(dir)).map(e => e.name).sort()).toEqual([
      'changed.txt',
      'kept.txt',
      'made',
      'moved',
    ]);
    expect(await dry.changes()).toEqual({
      created: [
        at('made/sub/c.txt'),
        at('moved/a.txt'),
        at('moved/deep/b.txt'),
      ],
      updated: [at('changed.txt')],
      removed: [at('folder/a.txt'), at('folder/deep/b.txt'), at('gone.txt')],
    });
    expect(await snapshot(dir)).toEqual(BEFORE);
  });

  it('fails like the real file system: a write into a missing folder, a rename of a missing file or onto a full folder', async () => {
    const dir = await tempDir();
    await writeTree(dir, BEFORE);
    const dry = new DryRunFileSystem();

    await expect(
      dry.writeFile(path.join(dir, 'nowhere/x.txt'), ''),
    ).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(
      dry.rename(path.join(dir, 'missing'), path.join(dir, 'x')),
    ).rejects.toMatchObject({ code: 'ENOENT' });
    await dry.mkdir(path.join(dir, 'other'));
    await dry.writeFile(path.join(dir, 'other/x.txt'), 'x\n');
    await expect(
      dry.rename(path.join(dir, 'other'), path.join(dir, 'folder')),
    ).rejects.toMatchObject({ code: 'ENOTEMPTY' });
  });

  it('gives a sink run the changes the same run makes on the real folder', async () => {
    const dryDir = await tempDir();
    const realDir = await tempDir();
    const A = 'component:default/alpha';
    const B = 'component:default/bravo';
    const first = [sampleRender(A), sampleRender(B)];
    for (const dir of [dryDir, realDir]) {
      await new KustomizeSink({ directory: dir }).apply({
        upserts: first.map(r => upsertOf(r)),
        removals: [],
      });
    }
    const second = {
      upserts: [upsertOf(sampleRender(A, { version: 2, scrape: false }))],
      removals: [],
      keep: [],
    };
    const before = await snapshot(realDir);

    const dry = new DryRunFileSystem();
    await new KustomizeSink({ directory: dryDir, fileSystem: dry }).apply(
      second,
    );
    await new KustomizeSink({ directory: realDir }).apply(second);
    const after = await snapshot(realDir);

    const relative = (files: string[]) =>
      files.map(file => path.relative(dryDir, file));
    const changes = await dry.changes();
    expect({
      created: relative(changes.created),
      updated: relative(changes.updated),
      removed: relative(changes.removed),
    }).toEqual({
      created: Object.keys(after)
        .filter(f => !(f in before))
        .sort(),
      updated: Object.keys(after)
        .filter(f => f in before && before[f] !== after[f])
        .sort(),
      removed: Object.keys(before)
        .filter(f => !(f in after))
        .sort(),
    });
    expect(changes.removed.length).toBeGreaterThan(0);
    expect(await snapshot(dryDir)).toEqual(before);
  });
});
