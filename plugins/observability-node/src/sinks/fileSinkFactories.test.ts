import fs from 'node:fs/promises';
import { ConfigReader } from '@backstage/config';
import { mockServices } from '@backstage/backend-test-utils';
import { renderOptions } from '../__fixtures__/renderInputs';
import { makeTempDir, snapshot, upsertOf } from './__testUtils__/folders';
import { sampleRender } from './__testUtils__/sampleRender';
import { kustomizeSinkFactory } from './fileSinkFactories';

describe('kustomizeSinkFactory', () => {
  let root: string;
  beforeEach(async () => {
    root = await makeTempDir('kustomize-factory');
  });
  afterEach(() => fs.rm(root, { recursive: true, force: true }));

  async function apply(rootConfig: object) {
    const sink = await kustomizeSinkFactory.create({
      config: new ConfigReader({ type: 'kustomize', directory: root }),
      rootConfig: new ConfigReader(rootConfig),
      name: 'kustomize',
      logger: mockServices.logger.mock(),
      renderOptions,
    });
    await sink.apply({
      upserts: [upsertOf(sampleRender('component:default/checkout'))],
      removals: [],
    });
    return snapshot(root);
  }

  it('writes a GrafanaDashboard next to the dashboard ConfigMap when observability.render.grafanaOperator is set', async () => {
    const files = await apply({
      observability: {
        render: {
          grafanaOperator: {
            instanceSelector: { matchLabels: { dashboards: 'grafana' } },
          },
        },
      },
    });
    const folder = 'component-default-checkout';
    expect(files[`${folder}/grafanadashboard.yaml`]).toContain(
      'kind: GrafanaDashboard',
    );
    expect(files[`${folder}/grafanadashboard.yaml`]).toContain(
      'dashboards: grafana',
    );
    expect(files[`${folder}/kustomization.yaml`]).toContain(
      'grafanadashboard.yaml',
    );
  });

  it('writes no GrafanaDashboard without it', async () => {
    const files = await apply({});
    expect(Object.keys(files).some(f => f.includes('grafanadashboard'))).toBe(
      false,
    );
    expect(Object.keys(files)).toContain(
      'component-default-checkout/kustomization.yaml',
    );
  });

  it('names the key of a grafanaOperator without instanceSelector', async () => {
    await expect(
      apply({ observability: { render: { grafanaOperator: {} } } }),
    ).rejects.toThrow(
      /observability\.render\.grafanaOperator\.instanceSelector/,
    );
  });
});
