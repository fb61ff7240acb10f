import path from 'node:path';
import { CrashingFileSystem } from '../__testUtils__/crashingFileSystem';
import { nodeSinkFileSystem, SinkFileSystem } from './SinkFileSystem';
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
import { PrometheusFilesSink } from '../prometheusFiles/PrometheusFilesSink';
import { SinkChanges } from '../types';
import { RecordingFileSystem } from './RecordingFileSystem';
import { writeFileAtomic } from './writeFileAtomic';

const tempDir = tempDirsRemovedAfterAll('recording');

const BEFORE = SAMPLE_TREE;

const A = 'component:default/alpha';
const B = 'component:default/bravo';

/** The files that differ between two snapshots, as a run's report lists them. */
function difference(
  before: Record<string, string>,
  after: Record<string, string>,
) {
  return {
    created: Object.keys(after)
      .filter(f => !(f in before))
      .sort(),
    updated: Object.keys(after)
      .filter(f => f in before && before[f] !== after[f])
      .sort(),
    removed: Object.keys(before)
      .filter(f => !(f in after))
      .sort(),
  };
}

/**
 * The real file system, on which the `failAt`-th change (1-based) fails halfway: a write leaves
 * half the content, a removal of a folder removes one entry of it, a rename or mkdir does nothing.
 */
class OneFailingChange implements SinkFileSystem {
  private count = 0;
  constructor(private readonly failAt: number) {}
  readFile(file: string) {
    return nodeSinkFileSystem.readFile(file);
  }
  readdir(dir: string) {
    return nodeSinkFileSystem.readdir(dir);
  }
  async writeFile(file: string, content: string) {
    if (this.fails()) {
      await nodeSinkFileSystem.writeFile(
        file,
        content.slice(0, content.length / 2),
      );
      throw new Error(`no space left writing ${file}`);
    }
    await nodeSinkFileSystem.writeFile(file, content);
  }
  async rename(from: string, to: string) {
    if (this.fails()) {
      throw new Error(`cannot rename ${from}`);
    }
    await nodeSinkFileSystem.rename(from, to);
  }
  async mkdir(dir: string) {
    if (this.fails()) {
      throw new Error(`cannot make ${dir}`);
    }
    await nodeSinkFileSystem.mkdir(dir);
  }
  async rm(target: string) {
    if (this.fails()) {
      const [first] = await nodeSinkFileSystem.readdir(target);
      if (first) {
        await nodeSinkFileSystem.rm(path.join(target, first.name));
      }
      throw new Error(`cannot remove all of ${target}`);
    }
    await nodeSinkFileSystem.rm(target);
  }
  private fails(): boolean {
    this.count += 1;
    return this.count === this.failAt;
  }
}

async function relativeChanges(recording: RecordingFileSystem, dir: string) {
  const changes = await recording.changes();
  const relative = (files: string[]) =>
    files.map(file => path.relative(dir, file).split(path.sep).join('/'));
  return {
    created: relative(changes.created),
    updated: relative(changes.updated),
    removed: relative(changes.removed),
  };
}

describe('RecordingFileSystem', () => {
  it('makes every change on the real folder and reports the files that differ from before the run', async () => {
    const dir = await tempDir();
    await writeTree(dir, BEFORE);
    const recording = new RecordingFileSystem();
    const at = await makeSampleChanges(recording, dir);
    // Written, then put back as it was: no change.
    await writeFileAtomic(recording, at('moved/a.txt'), 'a2\n');
    await writeFileAtomic(recording, at('moved/a.txt'), 'a\n');

    expect(await recording.readFile(at('changed.txt'))).toBe('new\n');
    expect(await recording.readFile(at('gone.txt'))).toBeUndefined();
    expect(await recording.readFile(at('moved/deep/b.txt'))).toBe('b\n');
    expect((await recording.readdir(dir)).map(e => e.name).sort()).toEqual([
      'changed.txt',
      'kept.txt',
      'made',
      'moved',
    ]);
    expect(await snapshot(dir)).toEqual({
      'kept.txt': 'same\n',
      'changed.txt': 'new\n',
      'made/sub/c.txt': 'c\n',
      'moved/a.txt': 'a\n',
      'moved/deep/b.txt': 'b\n',
    });
    expect(await relativeChanges(recording, dir)).toEqual({
      created: ['made/sub/c.txt', 'moved/a.txt', 'moved/deep/b.txt'],
      updated: ['changed.txt'],
      removed: ['folder/a.txt', 'folder/deep/b.txt', 'gone.txt'],
    });
  });

  it.each([
    [
      'kustomize',
      (dir: string, fileSystem?: RecordingFileSystem) =>
        new KustomizeSink({ directory: dir, fileSystem }),
    ],
    [
      'prometheus-files',
      (dir: string, fileSystem?: RecordingFileSystem) =>
        new PrometheusFilesSink({
          rulesDirectory: path.join(dir, 'rules'),
          targetsDirectory: path.join(dir, 'targets'),
          dashboardsDirectory: path.join(dir, 'dashboards'),
          fileSystem,
        }),
    ],
  ])(
    'reports what a %s sink run changed: a changed entity, a new one and a pruned one',
    async (_, sinkFor) => {
      const dir = await tempDir();
      await sinkFor(dir).apply({
        upserts: [upsertOf(sampleRender(A)), upsertOf(sampleRender(B))],
        removals: [],
      });
      const before = await snapshot(dir);
      const recording = new RecordingFileSystem();

      const result = await sinkFor(dir, recording).apply({
        upserts: [
          upsertOf(sampleRender(A, { version: 2, scrape: false })),
          upsertOf(sampleRender('component:default/charlie')),
        ],
        removals: [],
        keep: [],
      });

      expect(result.outcomes.every(o => o.ok)).toBe(true);
      const report = await relativeChanges(recording, dir);
      expect(report).toEqual(difference(before, await snapshot(dir)));
      expect(report.created.length).toBeGreaterThan(0);
      expect(report.updated.length).toBeGreaterThan(0);
      expect(report.removed.length).toBeGreaterThan(0);
    },
  );

  it('reports what the real folder holds when a change fails halfway through a run', async () => {
    const changes: SinkChanges = {
      upserts: [
        upsertOf(sampleRender(A, { version: 2 })),
        upsertOf(sampleRender('component:default/charlie')),
      ],
      removals: [],
      keep: [],
    };
    const prepare = async (dir: string) =>
      new KustomizeSink({ directory: dir }).apply({
        upserts: [upsertOf(sampleRender(A)), upsertOf(sampleRender(B))],
        removals: [],
      });
    // How many changes the run makes, to fail each of them in turn.
    const counting = new CrashingFileSystem();
    const countDir = await tempDir();
    await prepare(countDir);
    await new KustomizeSink({
      directory: countDir,
      fileSystem: counting,
    }).apply(changes);
    expect(counting.writes).toBeGreaterThan(10);

    for (let failAt = 1; failAt <= counting.writes; failAt++) {
      const dir = await tempDir();
      await prepare(dir);
      const before = await snapshot(dir);
      const recording = new RecordingFileSystem(new OneFailingChange(failAt));

      await new KustomizeSink({ directory: dir, fileSystem: recording })
        .apply(changes)
        .catch(() => undefined);

      expect({
        failAt,
        report: await relativeChanges(recording, dir),
      }).toEqual({ failAt, report: difference(before, await snapshot(dir)) });
    }
  });
});
