import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { EntityProvisioningResponse } from '@lookout/plugin-observability-common';
import request from 'supertest';
import { Entity } from '@backstage/catalog-model';
import { parse } from 'yaml';
import { observabilityPlugin } from '../plugin';
import { PROVISIONING_TASK_ID } from './startProvisioning';
import { component, scrapedService } from './__testUtils__/entities';
import { MutableCatalog } from './__testUtils__/mutableCatalog';
import { snapshot } from './__testUtils__/snapshot';
import { SinkRecorder, testHooks } from './__testUtils__/testHooks';

const OTHER_TOOLS: Record<string, string> = {
  'README.md': '# Deployed by Argo CD\n',
  'hand-made/kustomization.yaml': 'resources: [cm.yaml]\n',
  'hand-made/cm.yaml':
    'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: hand-made}\n',
};

function folders(files: Record<string, string>): string[] {
  return [
    ...new Set(
      Object.keys(files)
        .filter(f => f.includes('/'))
        .map(f => f.split('/')[0]),
    ),
  ]
    .filter(f => f.startsWith('component-'))
    .sort();
}

describe('provisioning in a backend', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'lookout-backend-'));
    for (const [file, content] of Object.entries(OTHER_TOOLS)) {
      await fs.mkdir(path.dirname(path.join(dir, file)), { recursive: true });
      await fs.writeFile(path.join(dir, file), content);
    }
  });
  afterEach(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  async function start(options: {
    catalog: MutableCatalog;
    recorder?: SinkRecorder;
    retryDelay?: object;
  }) {
    const { module, hooks } = testHooks(options.recorder);
    const { server } = await startTestBackend({
      features: [
        observabilityPlugin,
        module,
        options.catalog.factory(),
        mockServices.rootConfig.factory({
          data: {
            observability: {
              provisioning: {
                sinks: [
                  { type: 'kustomize', directory: dir },
                  { type: 'recorder', name: 'recorder' },
                ],
                retry: { initialDelay: options.retryDelay ?? { hours: 1 } },
              },
            },
          },
        }),
      ],
    });
    return {
      reconcile: () => hooks.scheduler!.triggerTask(PROVISIONING_TASK_ID),
      status: async (name: string): Promise<EntityProvisioningResponse> => {
        const res = await request(server)
          .get(
            `/api/observability/entities/by-name/component/default/${name}/provisioning`,
          )
          .set('Authorization', mockCredentials.user.header());
        expect(res.status).toBe(200);
        return res.body;
      },
      server,
    };
  }

  /** A backend whose catalog holds a scraped service of each name. */
  async function startWith(
    services: string[],
    options: { retryDelay?: object } = {},
  ) {
    const recorder = new SinkRecorder();
    const catalog = new MutableCatalog(services.map(n => scrapedService(n)));
    const backend = await start({ catalog, recorder, ...options });
    return { recorder, catalog, ...backend };
  }

  it("provisions each owning team's routing from its Group, read with the plugin's credentials, and prunes it with the team's last entity", async () => {
    const teamShop = (key: string): Entity => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: {
        name: 'team-shop',
        namespace: 'default',
        annotations: { 'pagerduty.com/integration-key': key },
      },
      spec: { type: 'team', children: [] },
    });
    const catalog = new MutableCatalog([
      scrapedService('checkout'),
      teamShop('0123456789abcdef0123456789abcdef'),
    ]);
    const backend = await start({ catalog });

    await backend.reconcile();
    const first = await snapshot(dir);
    expect(first['kustomization.yaml']).toContain('- group-default-team-shop');
    const config = parse(
      first['group-default-team-shop/alertmanagerconfig.yaml'],
    );
    expect(config.kind).toBe('AlertmanagerConfig');
    expect(config.spec.route).toMatchObject({
      receiver: 'team-shop-pager',
      matchers: [
        { name: 'team', value: 'team-shop', matchType: '=' },
        { name: 'severity', value: 'page', matchType: '=' },
      ],
    });
    expect(
      parse(first['group-default-team-shop/secret.yaml']).stringData,
    ).toEqual({
      'team-shop-pager': '0123456789abcdef0123456789abcdef',
    });

    catalog.set([
      scrapedService('checkout'),
      teamShop('fedcba9876543210fedcba9876543210'),
    ]);
    await backend.reconcile();
    expect(
      parse((await snapshot(dir))['group-default-team-shop/secret.yaml'])
        .stringData,
    ).toEqual({ 'team-shop-pager': 'fedcba9876543210fedcba9876543210' });

    catalog.set([teamShop('fedcba9876543210fedcba9876543210')]);
    await backend.reconcile();
    const last = await snapshot(dir);
    expect(Object.keys(last).filter(f => f.startsWith('group-'))).toEqual([]);
    expect(last['kustomization.yaml']).not.toContain('group-default-team-shop');
  });

  it('provisions every annotated entity and follows the catalog as entities are added, changed and removed', async () => {
    const { recorder, catalog, ...backend } = await startWith([
      'checkout',
      'cart',
    ]);

    await backend.reconcile();
    const first = await snapshot(dir);
    expect(folders(first)).toEqual([
      'component-default-cart',
      'component-default-checkout',
    ]);
    expect(first['kustomization.yaml']).toContain(
      '- component-default-checkout',
    );
    expect(first['component-default-checkout/prometheusrule.yaml']).toContain(
      '0.999',
    );

    catalog.set([scrapedService('checkout', '99.5'), scrapedService('search')]);
    await backend.reconcile();
    const second = await snapshot(dir);

    expect(folders(second)).toEqual([
      'component-default-checkout',
      'component-default-search',
    ]);
    expect(second['component-default-checkout/prometheusrule.yaml']).toContain(
      '0.995',
    );
    expect(second['kustomization.yaml']).not.toContain(
      'component-default-cart',
    );
    for (const [file, content] of Object.entries(OTHER_TOOLS)) {
      expect(second[file]).toBe(content);
    }
    expect(recorder.removals).toEqual(['recorder component:default/cart']);
    const checkout = await backend.status('checkout');
    expect(checkout.sinks).toEqual([
      expect.objectContaining({
        sink: 'kustomize',
        state: 'ok',
        hash: checkout.renderedHash,
        objects: expect.arrayContaining([
          'component-default-checkout/prometheusrule.yaml',
        ]),
      }),
      expect.objectContaining({
        sink: 'recorder',
        state: 'ok',
        hash: checkout.renderedHash,
      }),
    ]);
  });

  it('costs no writes when nothing changed', async () => {
    const { recorder, catalog, ...backend } = await startWith([
      'checkout',
      'cart',
    ]);
    await backend.reconcile();
    const stats = await fs.stat(
      path.join(dir, 'component-default-checkout', 'kustomization.yaml'),
    );
    const written = [...recorder.upserts];

    // The catalog re-emits the same entities (as after a refresh), in a new order. This second
    // run is also the first full sync (the catalog has settled): it must not write either.
    catalog.set([scrapedService('cart'), scrapedService('checkout')]);
    await backend.reconcile();

    expect(recorder.upserts).toEqual(written);
    expect(recorder.removals).toEqual([]);
    const after = await fs.stat(
      path.join(dir, 'component-default-checkout', 'kustomization.yaml'),
    );
    expect(after.mtimeMs).toBe(stats.mtimeMs);
    expect(after.ino).toBe(stats.ino);
  });

  it('keeps an entity’s last good objects when its annotations turn invalid, and says why', async () => {
    const { catalog, ...backend } = await startWith(['checkout']);
    await backend.reconcile();
    const good = await snapshot(dir);

    catalog.set([scrapedService('checkout', '100')]);
    await backend.reconcile();

    expect(await snapshot(dir)).toEqual(good);
    const status = await backend.status('checkout');
    expect(status.sinks[0]).toMatchObject({
      sink: 'kustomize',
      state: 'error',
      error: expect.stringContaining(
        'not rendered: annotation errors: lookout.dev/slo-availability',
      ),
    });
  });

  it('reports a failing sink while the other sinks provision, and retries it only after its back-off', async () => {
    const { recorder, catalog, ...backend } = await startWith(['checkout']);
    recorder.broken = new Error('recorder is down');

    await backend.reconcile();
    expect(folders(await snapshot(dir))).toEqual([
      'component-default-checkout',
    ]);
    const failed = await backend.status('checkout');
    expect(failed.sinks[1]).toMatchObject({
      sink: 'recorder',
      state: 'error',
      error: 'recorder is down',
    });
    expect(failed.sinks[1].lastSuccessAt).toBeUndefined();

    recorder.broken = undefined;
    await backend.reconcile();
    expect(recorder.upserts).toEqual([]); // the next attempt is an hour away

    catalog.set([scrapedService('checkout', '99.5')]);
    await backend.reconcile();
    expect((await backend.status('checkout')).sinks[1]).toMatchObject({
      sink: 'recorder',
      state: 'ok',
    });
  });

  it('retries a failed entity once its back-off has passed, without touching the others', async () => {
    const { recorder, ...backend } = await startWith(['checkout', 'cart'], {
      retryDelay: { milliseconds: 0 },
    });
    recorder.failing.add('component:default/checkout');

    await backend.reconcile();
    expect(recorder.upserts.map(u => u.split(' ')[1])).toEqual([
      'component:default/cart',
    ]);
    expect((await backend.status('checkout')).sinks[1]).toMatchObject({
      state: 'error',
      error: 'recorder refuses',
    });

    recorder.failing.clear();
    await backend.reconcile();

    expect(recorder.upserts.map(u => u.split(' ')[1])).toEqual([
      'component:default/cart',
      'component:default/checkout',
    ]);
    expect((await backend.status('checkout')).sinks[1]).toMatchObject({
      state: 'ok',
    });
  });

  it('prunes folders no entity owns only once the catalog has settled, never while it still loads', async () => {
    const everything = [
      scrapedService('checkout'),
      scrapedService('cart'),
      scrapedService('legacy'),
    ];
    const first = await start({ catalog: new MutableCatalog(everything) });
    await first.reconcile();
    const cart = await fs.stat(
      path.join(dir, 'component-default-cart', 'kustomization.yaml'),
    );

    // A restart with a fresh database, while the catalog is still loading; meanwhile the
    // legacy entity was deleted.
    const loading = new MutableCatalog([scrapedService('checkout')]);
    const second = await start({ catalog: loading });
    await second.reconcile();
    loading.set(everything.slice(0, 2));
    await second.reconcile();
    expect(folders(await snapshot(dir))).toEqual([
      'component-default-cart',
      'component-default-checkout',
      'component-default-legacy',
    ]);

    await second.reconcile();

    expect(folders(await snapshot(dir))).toEqual([
      'component-default-cart',
      'component-default-checkout',
    ]);
    const after = await fs.stat(
      path.join(dir, 'component-default-cart', 'kustomization.yaml'),
    );
    expect(after.ino).toBe(cart.ino);
  });

  it('answers pending before the first run, no sinks for an entity without provisioning annotations, and 404 for an unknown one', async () => {
    const catalog = new MutableCatalog([
      scrapedService('checkout'),
      component('docs-only', { 'lookout.dev/logs-selector': '{app="docs"}' }),
    ]);
    const backend = await start({ catalog });

    expect(await backend.status('checkout')).toEqual({
      entityRef: 'component:default/checkout',
      sinks: [
        { sink: 'kustomize', state: 'pending' },
        { sink: 'recorder', state: 'pending' },
      ],
    });
    expect(await backend.status('docs-only')).toEqual({
      entityRef: 'component:default/docs-only',
      sinks: [],
    });
    const missing = await request(backend.server)
      .get(
        '/api/observability/entities/by-name/component/default/nope/provisioning',
      )
      .set('Authorization', mockCredentials.user.header());
    expect(missing.status).toBe(404);
  });
});
