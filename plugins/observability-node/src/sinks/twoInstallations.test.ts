/*
 * Two Lookout installations (say staging and production portals) writing into the same folders:
 * each replaces, prunes and cleans up only what carries its own `observability.instanceId`.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { KustomizeSink } from './kustomize/KustomizeSink';
import { PrometheusFilesSink } from './prometheusFiles/PrometheusFilesSink';
import {
  makeTempDir,
  removalOf,
  snapshot,
  upsertOf,
} from './__testUtils__/folders';
import { sampleRender } from './__testUtils__/sampleRender';

const STAGING = 'component:default/checkout-staging';
const PRODUCTION = 'component:default/checkout';

describe('two installations sharing one folder', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await makeTempDir('two-installations');
  });
  afterEach(() => fs.rm(dir, { recursive: true, force: true }));

  it("kustomize: a full sync, a removal and an upsert of one installation leave the other's folders alone", async () => {
    const staging = new KustomizeSink({
      directory: dir,
      instanceId: 'staging',
    });
    const production = new KustomizeSink({
      directory: dir,
      instanceId: 'production',
    });
    const prodRender = sampleRender(PRODUCTION, { instanceId: 'production' });
    await production.apply({ upserts: [upsertOf(prodRender)], removals: [] });
    const stagingRender = sampleRender(STAGING, { instanceId: 'staging' });
    await staging.apply({ upserts: [upsertOf(stagingRender)], removals: [] });
    const before = await snapshot(path.join(dir, prodRender.slug));
    // A crashed production run left a temporary folder behind: staging must not clean it up.
    await fs.mkdir(path.join(dir, '.lookout-tmp.production.x.0123'));

    // Staging: full sync holding nothing but its own entity, then it removes an entity whose
    // slug is production's, then it tries to write that entity itself.
    const sync = await staging.apply({
      upserts: [],
      removals: [removalOf(sampleRender(PRODUCTION))],
      keep: [
        {
          entityRef: STAGING,
          slug: stagingRender.slug,
          objects: [`${stagingRender.slug}/kustomization.yaml`],
        },
      ],
    });
    const takeover = await staging.apply({
      upserts: [upsertOf(sampleRender(PRODUCTION, { instanceId: 'staging' }))],
      removals: [],
    });

    expect(sync.pruned).toEqual([]);
    expect(takeover.outcomes).toEqual([
      {
        entityRef: PRODUCTION,
        ok: false,
        error: new Error(
          `folder ${prodRender.slug} belongs to Lookout instance production, not staging; it is left alone`,
        ),
      },
    ]);
    expect(await snapshot(path.join(dir, prodRender.slug))).toEqual(before);
    const parent = await fs.readFile(
      path.join(dir, 'kustomization.yaml'),
      'utf8',
    );
    expect(parent).toContain(`- ${prodRender.slug}\n`);
    expect(parent).toContain(`- ${stagingRender.slug}\n`);
    expect(
      await fs.stat(path.join(dir, '.lookout-tmp.production.x.0123')),
    ).toBeTruthy();

    // Production's own full sync without the entity does prune it.
    const own = await production.apply({ upserts: [], removals: [], keep: [] });
    expect(own.pruned).toEqual([prodRender.slug]);
  });

  it('prometheus-files: rules, file_sd targets and dashboards of the other installation survive a full sync', async () => {
    const dirs = {
      rulesDirectory: path.join(dir, 'rules'),
      targetsDirectory: path.join(dir, 'targets'),
      dashboardsDirectory: path.join(dir, 'dashboards'),
    };
    const staging = new PrometheusFilesSink({ ...dirs, instanceId: 'staging' });
    const production = new PrometheusFilesSink({
      ...dirs,
      instanceId: 'production',
    });
    await production.apply({
      upserts: [
        upsertOf(sampleRender(PRODUCTION, { instanceId: 'production' })),
      ],
      removals: [],
    });
    const before = await snapshot(dir);
    // A file_sd file of another tool, and a temporary file of a production write cut short.
    await fs.writeFile(
      path.join(dir, 'targets', 'node-exporter.json'),
      '[{"targets":["vm-1:9100"],"labels":{"job":"node"}}]',
    );
    await fs.writeFile(
      path.join(dir, 'targets', '.x.json.lookout-production-ab12.tmp'),
      '[]',
    );

    const sync = await staging.apply({ upserts: [], removals: [], keep: [] });

    expect(sync.pruned ?? []).toEqual([]);
    const after = await snapshot(dir);
    expect(after).toEqual({
      ...before,
      'targets/node-exporter.json':
        '[{"targets":["vm-1:9100"],"labels":{"job":"node"}}]',
      'targets/.x.json.lookout-production-ab12.tmp': '[]',
    });
  });
});
