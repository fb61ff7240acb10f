import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Entity } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import { readObservabilityConfig } from '../config/readObservabilityConfig';
import { renderAnnotatedEntity } from '../render/renderAnnotatedEntity';
import { readOpenSloText } from './resolveOpenSlo';

const OPENSLO = `apiVersion: openslo/v1
kind: SLO
metadata: { name: reads }
spec:
  indicator:
    metadata: { name: reads-sli }
    spec:
      ratioMetric:
        counter: true
        bad:
          metricSource:
            type: Prometheus
            spec: { query: 'http_requests_total{code=~"5.."}' }
        total:
          metricSource:
            type: Prometheus
            spec: { query: 'http_requests_total' }
  objectives:
    - target: 0.995
`;

function entity(openslo: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'inventory',
      annotations: {
        'lookout.dev/metrics-port': 'http',
        'lookout.dev/openslo': openslo,
      },
    },
    spec: { type: 'service', owner: 'team', lifecycle: 'production' },
  };
}

describe('readOpenSloText', () => {
  let root: string;
  let catalogFile: string;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'lookout-openslo-'));
    fs.mkdirSync(path.join(root, 'catalog/slos'), { recursive: true });
    fs.mkdirSync(path.join(root, 'shared'));
    catalogFile = path.join(root, 'catalog/catalog-info.yaml');
    fs.writeFileSync(path.join(root, 'catalog/slos/reads.yaml'), OPENSLO);
    fs.writeFileSync(path.join(root, 'shared/reads.yaml'), OPENSLO);
    fs.writeFileSync(
      path.join(root, 'secret.yaml'),
      'TOP-SECRET-TOKEN: hunter2\n',
      { mode: 0o600 },
    );
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  /** Reads as the CLI does, then renders through the shared pipeline. */
  async function resolve(openslo: string, allowRead: string[] = []) {
    const outcome = renderAnnotatedEntity(
      entity(openslo),
      readOpenSloText(openslo, catalogFile, allowRead),
      readObservabilityConfig(new ConfigReader({})),
    );
    return {
      problems: outcome.problems,
      slos: outcome.input?.spec.slos ?? [],
    };
  }

  function messages(result: { problems: Array<{ message: string }> }) {
    return result.problems.map(p => p.message);
  }

  it("reads documents inside the catalog file's folder", async () => {
    const result = await resolve('./slos/reads.yaml');
    expect(result.problems).toEqual([]);
    expect(result.slos.map(s => s.name)).toEqual(['reads']);
  });

  it('refuses ../ out of the catalog folder and absolute paths, without reading them', async () => {
    const up = await resolve('../secret.yaml');
    const absolute = await resolve(path.join(root, 'secret.yaml'));
    expect(up.slos).toEqual([]);
    expect(messages(up)).toEqual([
      '../secret.yaml leaves the folder of the catalog file; name a file next to it, or widen what the CLI reads with --allow-read <folder>',
    ]);
    expect(messages(absolute)).toEqual([
      `${path.join(
        root,
        'secret.yaml',
      )} is an absolute path; name a file next to the catalog file, or widen what the CLI reads with --allow-read <folder>`,
    ]);
    expect(JSON.stringify([up, absolute])).not.toContain('hunter2');
  });

  it('refuses a link that leads out of the catalog folder', async () => {
    fs.symlinkSync(
      path.join(root, 'secret.yaml'),
      path.join(root, 'catalog/slos/linked.yaml'),
    );
    const result = await resolve('./slos/linked.yaml');
    expect(messages(result)).toEqual([
      'cannot read ./slos/linked.yaml (missing, unreadable, or a link out of the folders the CLI reads)',
    ]);
    expect(JSON.stringify(result)).not.toContain('hunter2');
  });

  it('names neither the host path nor the errno of a missing file', async () => {
    const result = await resolve('./slos/missing.yaml');
    expect(messages(result)).toEqual([
      'cannot read ./slos/missing.yaml (missing, unreadable, or a link out of the folders the CLI reads)',
    ]);
  });

  it('reads from a folder --allow-read adds', async () => {
    const result = await resolve('../shared/reads.yaml', [
      path.join(root, 'shared'),
    ]);
    expect(result.problems).toEqual([]);
    expect(result.slos.map(s => s.name)).toEqual(['reads']);
  });
});
