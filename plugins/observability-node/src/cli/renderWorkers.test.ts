import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { OutputFormat } from '../render/types';
import { readCatalog } from './readCatalog';
import { readSettings } from './readSettings';
import { renderToFolder } from './renderToFolder';
import { renderWorkerCount } from './renderWorkers';

const REPO = path.resolve(__dirname, '../../../..');
const EXAMPLES = path.join(REPO, 'examples');

function readTree(dir: string): Record<string, string> {
  const tree: Record<string, string> = {};
  const walk = (rel: string) => {
    for (const entry of fs.readdirSync(path.join(dir, rel), {
      withFileTypes: true,
    })) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        walk(child);
      } else {
        tree[child] = fs.readFileSync(path.join(dir, child), 'utf8');
      }
    }
  };
  walk('');
  return tree;
}

describe('rendering in worker threads', () => {
  let root: string;
  let duplicates: string;

  beforeAll(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'lookout-workers-'));
    // The demo entities a second time, in another file: each is reported as a duplicate.
    duplicates = path.join(root, 'again.yaml');
    fs.copyFileSync(path.join(EXAMPLES, 'entities.yaml'), duplicates);
  });

  afterAll(() => {
    fs.rmSync(root, { recursive: true, force: true });
  });

  async function render(format: OutputFormat, workers: number) {
    const settings = await readSettings([], {});
    const catalog = await readCatalog([EXAMPLES, duplicates]);
    const outDir = path.join(root, `${format}-${workers}`);
    const run = await renderToFolder(catalog.entities, settings, {
      outDir,
      format,
      check: false,
      base: REPO,
      workers,
    });
    return {
      tree: readTree(outDir),
      lines: run.lines,
      entities: run.entities,
      rendered: run.rendered,
      report: run.report,
    };
  }

  it.each(['operator', 'prometheus'] as const)(
    'writes the same %s files and reports the same problems as the main thread',
    async format => {
      const single = await render(format, 0);
      const parallel = await render(format, 2);
      expect(single.lines.join('\n')).toMatch(/the entity is defined twice/);
      expect(Object.keys(single.tree).length).toBeGreaterThan(10);
      expect(parallel).toEqual(single);
    },
    60_000,
  );

  it('is used only for large catalogs', () => {
    expect(renderWorkerCount(10)).toBe(0);
    expect(renderWorkerCount(10_000)).toBe(
      os.availableParallelism() < 2
        ? 0
        : Math.min(os.availableParallelism(), 4),
    );
  });
});
