/*
 * What the CLI reads for an entity's OpenSLO location: the text of a file inside the catalog
 * file's folder (or a folder --allow-read adds), or why not. How the documents merge into the
 * entity's SLOs is common's (mergeOpenSloSlos) and tested there.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readOpenSloText } from './resolveOpenSlo';

/** Any text: the reader passes it on unparsed. */
const DOCUMENTS = 'apiVersion: openslo/v1\nkind: SLO\n';

describe('readOpenSloText', () => {
  let root: string;
  let catalogFile: string;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'lookout-openslo-'));
    fs.mkdirSync(path.join(root, 'catalog/slos'), { recursive: true });
    fs.mkdirSync(path.join(root, 'shared'));
    catalogFile = path.join(root, 'catalog/catalog-info.yaml');
    fs.writeFileSync(path.join(root, 'catalog/slos/reads.yaml'), DOCUMENTS);
    fs.writeFileSync(path.join(root, 'shared/reads.yaml'), DOCUMENTS);
    fs.writeFileSync(
      path.join(root, 'secret.yaml'),
      'TOP-SECRET-TOKEN: hunter2\n',
      { mode: 0o600 },
    );
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  const resolve = (location: string, allowRead: string[] = []) =>
    readOpenSloText(location, catalogFile, allowRead);

  it("reads documents inside the catalog file's folder", async () => {
    expect(resolve('./slos/reads.yaml')).toEqual({ text: DOCUMENTS });
  });

  it('refuses ../ out of the catalog folder and absolute paths, without reading them', async () => {
    const up = resolve('../secret.yaml');
    const absolute = resolve(path.join(root, 'secret.yaml'));
    expect(up).toEqual({
      error:
        '../secret.yaml leaves the folder of the catalog file; name a file next to it, or widen what the CLI reads with --allow-read <folder>',
    });
    expect(absolute).toEqual({
      error: `${path.join(
        root,
        'secret.yaml',
      )} is an absolute path; name a file next to the catalog file, or widen what the CLI reads with --allow-read <folder>`,
    });
    expect(JSON.stringify([up, absolute])).not.toContain('hunter2');
  });

  it('refuses a link that leads out of the catalog folder', async () => {
    fs.symlinkSync(
      path.join(root, 'secret.yaml'),
      path.join(root, 'catalog/slos/linked.yaml'),
    );
    const result = resolve('./slos/linked.yaml');
    expect(result).toEqual({
      error:
        'cannot read ./slos/linked.yaml (missing, unreadable, or a link out of the folders the CLI reads)',
    });
    expect(JSON.stringify(result)).not.toContain('hunter2');
  });

  it('names neither the host path nor the errno of a missing file', async () => {
    expect(resolve('./slos/missing.yaml')).toEqual({
      error:
        'cannot read ./slos/missing.yaml (missing, unreadable, or a link out of the folders the CLI reads)',
    });
  });

  it('reads from a folder --allow-read adds', async () => {
    expect(
      resolve('../shared/reads.yaml', [path.join(root, 'shared')]),
    ).toEqual({ text: DOCUMENTS });
  });
});
