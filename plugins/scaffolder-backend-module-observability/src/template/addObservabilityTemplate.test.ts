/*
 * The example template examples/templates/add-observability run end to end through the
 * scaffolder's dry-run API in a test backend: the real scaffolder plugin, this module's actions,
 * the GitHub module (whose pull-request step a dry run skips), a catalog mock holding the entity,
 * and a UrlReader that serves the entity's source location from a local repository fixture
 * (no network).
 */
import { createServiceFactory } from '@backstage/backend-plugin-api';
import { urlReaderFactoriesServiceRef } from '@backstage/backend-defaults/urlReader';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import githubModule from '@backstage/plugin-scaffolder-backend-module-github';
import { parseObservabilitySpec } from '@lookout/plugin-observability-common';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import request from 'supertest';
import { parse } from 'yaml';
import { readCatalogDocuments } from '../catalogFile/catalogDocuments';
import { scaffolderModuleObservability } from '../module';
import { componentEntity } from '@lookout/plugin-observability-common/testUtils';

const templateDir = path.resolve(
  __dirname,
  '../../../../examples/templates/add-observability',
);
const repositoryDir = path.resolve(
  __dirname,
  '../__fixtures__/shop-repository',
);
const SOURCE_LOCATION = 'https://github.com/acme/shop/tree/main/';

const checkout = componentEntity(
  {
    'backstage.io/source-location': `url:${SOURCE_LOCATION}`,
    'github.com/project-slug': 'acme/shop',
  },
  { owner: 'team-payments' },
);

/** Serves SOURCE_LOCATION's tree from the fixture folder; any other URL is not handled. */
const localRepository = createServiceFactory({
  service: urlReaderFactoriesServiceRef,
  deps: {},
  async factory() {
    return ({ treeResponseFactory }) => [
      {
        predicate: (url: URL) => url.toString() === SOURCE_LOCATION,
        reader: {
          async readTree() {
            return treeResponseFactory.fromReadableArray(
              fs.readdirSync(repositoryDir).map(name => ({
                path: name,
                data: Readable.from(
                  fs.readFileSync(path.join(repositoryDir, name)),
                ),
              })),
            );
          },
          async readUrl() {
            throw new Error('not used');
          },
          async search() {
            throw new Error('not used');
          },
        },
      },
    ];
  },
});

function directoryContents(dir: string) {
  return fs.readdirSync(dir).map(name => ({
    path: name,
    base64Content: fs.readFileSync(path.join(dir, name)).toString('base64'),
  }));
}

jest.setTimeout(60_000);

describe('examples/templates/add-observability', () => {
  async function dryRun(values: Record<string, unknown>) {
    const { server } = await startTestBackend({
      features: [
        scaffolderPlugin,
        githubModule,
        scaffolderModuleObservability,
        catalogServiceMock.factory({ entities: [checkout] }),
        localRepository,
        mockServices.rootConfig.factory({
          data: {
            backend: { baseUrl: 'http://localhost:7007' },
            // The pull-request step needs an integration to build its client; a dry run
            // never calls GitHub.
            integrations: {
              github: [{ host: 'github.com', token: 'not-a-real-token' }],
            },
          },
        }),
      ],
    });
    const template = parse(
      fs.readFileSync(path.join(templateDir, 'template.yaml'), 'utf8'),
    );
    return request(server)
      .post('/api/scaffolder/v2/dry-run')
      .set('Authorization', mockCredentials.user.header())
      .send({
        template,
        values,
        secrets: {},
        directoryContents: directoryContents(templateDir),
      });
  }

  const fileOf = (body: any, name: string) =>
    Buffer.from(
      body.directoryContents.find((f: { path: string }) => f.path === name)
        .base64Content,
      'base64',
    ).toString('utf8');

  it('produces a catalog-info.yaml that the catalog parser accepts with zero problems, and targets the pull request at the entity’s repository', async () => {
    const res = await dryRun({
      entityRef: 'component:default/checkout',
      catalogFilePath: 'catalog-info.yaml',
      slo: {
        availabilityObjective: '99.9',
        latencyObjective: '99',
        latencyThreshold: '300ms',
        window: '28d',
      },
      metricsPort: 'http-metrics',
      runbookUrl: 'https://runbooks.example.com/checkout',
    });
    expect(res.body.error).toBeUndefined();
    expect(res.status).toBe(200);
    const log = res.body.log.map((entry: any) => entry.body.message).join('\n');
    expect(log).toContain('Performing dry run of creating pull request');
    // The pull request goes to the repository of the entity's github.com/project-slug.
    expect(res.body.output.links[0]).toEqual({
      title: 'Pull request',
      url: 'github.com?owner=acme&repo=shop',
    });

    const original = fs.readFileSync(
      path.join(repositoryDir, 'catalog-info.yaml'),
      'utf8',
    );
    const produced = fileOf(res.body, 'catalog-info.yaml');
    expect(produced).toBe(
      original.replace(
        "    lookout.dev/slo-availability: '99.5'\n",
        [
          '    lookout.dev/slo-availability: "99.9"',
          '    lookout.dev/metrics-port: http-metrics',
          '    lookout.dev/slo-latency: 99% < 300ms',
          '    lookout.dev/slo-window: 28d',
          '    lookout.dev/runbook-url: https://runbooks.example.com/checkout',
          '',
        ].join('\n'),
      ),
    );
    const entity = readCatalogDocuments(produced, 'catalog-info.yaml').find(
      d => d.entityRef === 'component:default/checkout',
    )!.entity;
    expect(parseObservabilitySpec(entity).problems).toEqual([]);
    expect(fileOf(res.body, 'README.md')).toContain('The shop services');

    const text = res.body.output.text[0];
    expect(text.title).toBe('What Lookout will provision');
    expect(text.content).toContain(
      '- `availability`: 99.9% of requests succeed over 28d',
    );
  });

  it('stops before the pull request when an objective is invalid, naming the annotation', async () => {
    const res = await dryRun({
      entityRef: 'component:default/checkout',
      catalogFilePath: 'catalog-info.yaml',
      slo: { availabilityObjective: '100' },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain(
      'catalog-info.yaml left unchanged: the annotations have problems\ncomponent:default/checkout: lookout.dev/slo-availability: ',
    );
  });
});
