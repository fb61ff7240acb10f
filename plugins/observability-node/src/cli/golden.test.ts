/*
 * The demo catalog (`examples/`) rendered in both formats, compared byte for byte with the
 * committed tree in `src/__golden__/`. After an intended change, rewrite it with
 *   LOOKOUT_UPDATE_GOLDEN=1 yarn backstage-cli package test --watchAll=false src/cli/golden
 * and review the diff.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { OutputFormat, RenderedFile } from '../render/types';
import { readCatalog } from './readCatalog';
import { readSettings } from './readSettings';
import { renderToFolder } from './renderToFolder';

const REPO = path.resolve(__dirname, '../../../..');
const EXAMPLES = path.join(REPO, 'examples');
const GOLDEN = path.resolve(__dirname, '../__golden__');
const UPDATE = Boolean(process.env.LOOKOUT_UPDATE_GOLDEN);

function readTree(dir: string): RenderedFile[] {
  const files: RenderedFile[] = [];
  const walk = (rel: string) => {
    for (const entry of fs.readdirSync(path.join(dir, rel), {
      withFileTypes: true,
    })) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(child);
      else
        files.push({
          path: child,
          content: fs.readFileSync(path.join(dir, child), 'utf8'),
        });
    }
  };
  if (fs.existsSync(dir)) walk('');
  return files.sort((a, b) => (a.path < b.path ? -1 : 1));
}

function writeTree(dir: string, files: RenderedFile[]) {
  fs.rmSync(dir, { recursive: true, force: true });
  for (const file of files) {
    fs.mkdirSync(path.dirname(path.join(dir, file.path)), { recursive: true });
    fs.writeFileSync(path.join(dir, file.path), file.content);
  }
}

/** What `yarn lookout render --catalog examples` prints and writes, without a --config. */
async function renderExamples(format: OutputFormat) {
  const settings = await readSettings([], {});
  const catalog = await readCatalog([EXAMPLES]);
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'lookout-golden-'));
  try {
    const run = await renderToFolder(catalog.entities, settings, {
      outDir: out,
      format,
      check: false,
      base: REPO,
    });
    return { files: readTree(out), problems: `${run.lines.join('\n')}\n` };
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}

describe('golden output of examples/', () => {
  it.each(['operator', 'prometheus'] as const)(
    'renders the %s format byte for byte as committed (LOOKOUT_UPDATE_GOLDEN=1 updates it)',
    async format => {
      const { files } = await renderExamples(format);
      const dir = path.join(GOLDEN, format);
      if (UPDATE) {
        writeTree(dir, files);
      }
      const golden = readTree(dir);
      expect(files.map(f => f.path)).toEqual(golden.map(f => f.path));
      for (const [i, file] of files.entries()) {
        expect({ path: file.path, content: file.content }).toEqual(golden[i]);
      }
    },
  );

  it('prints the problem lines as committed', async () => {
    const { problems } = await renderExamples('operator');
    const file = path.join(GOLDEN, 'problems.txt');
    if (UPDATE) {
      fs.writeFileSync(file, problems);
    }
    expect(problems).toBe(fs.readFileSync(file, 'utf8'));
  });
});
