/*
 * Contract tests: the kubernetes sink against a fake API server built from the documented
 * Kubernetes API (discovery, server-side apply, get, delete, list by label selector).
 */
import { setupServer } from 'msw/node';
import { component, scrapedService } from '../../__testUtils__/entities';
import { FakeKubernetes } from '../../__testUtils__/fakeKubernetes';
import { removalOf, renderOf, upsertOf } from '../../__testUtils__/renders';
import { KubernetesSink } from './KubernetesSink';

const cluster = new FakeKubernetes();
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());
beforeEach(() => {
  server.resetHandlers(...cluster.handlers());
  cluster.objects.clear();
  cluster.requests.length = 0;
  cluster.failures.length = 0;
});

function sink() {
  return new KubernetesSink({
    cluster: {
      name: 'production',
      url: cluster.url,
      serviceAccountToken: 'sa-token',
      skipTLSVerify: true,
    },
    retryDelayMs: 1,
  });
}

const checkout = renderOf(scrapedService('checkout'));
const cart = renderOf(scrapedService('cart'));
const CHECKOUT_IDS = [
  'monitoring.coreos.com/v1/ServiceMonitor/shop/component-default-checkout',
  'monitoring.coreos.com/v1/PrometheusRule/shop/component-default-checkout',
  'v1/ConfigMap/shop/component-default-checkout-dashboard',
];

describe('KubernetesSink (contract: Kubernetes API)', () => {
  it('applies every object server-side: field manager lookout, not forced, application/apply-patch+yaml', async () => {
    const result = await sink().apply({
      upserts: [upsertOf(checkout)],
      removals: [],
    });

    expect(result.outcomes).toEqual([
      {
        entityRef: 'component:default/checkout',
        ok: true,
        changed: true,
        objects: expect.arrayContaining(CHECKOUT_IDS),
      },
    ]);
    const patches = cluster.requests.filter(r => r.method === 'PATCH');
    expect(patches.map(p => p.path).sort()).toEqual([
      '/api/v1/namespaces/shop/configmaps/component-default-checkout-dashboard?fieldManager=lookout&force=false',
      '/apis/monitoring.coreos.com/v1/namespaces/shop/prometheusrules/component-default-checkout?fieldManager=lookout&force=false',
      '/apis/monitoring.coreos.com/v1/namespaces/shop/servicemonitors/component-default-checkout?fieldManager=lookout&force=false',
    ]);
    expect(new Set(patches.map(p => p.contentType))).toEqual(
      new Set(['application/apply-patch+yaml']),
    );
    const configMap = cluster.objects.get(
      'configmaps/shop/component-default-checkout-dashboard',
    ) as unknown as {
      metadata: { labels: Record<string, string> };
      data: Record<string, string>;
    };
    expect(configMap.metadata.labels).toMatchObject({
      grafana_dashboard: '1',
      'app.kubernetes.io/managed-by': 'lookout',
    });
    expect(
      JSON.parse(configMap.data['component-default-checkout.json']).uid,
    ).toBe(checkout.dashboard!.uid);
  });

  it('updates objects in place on a change', async () => {
    await sink().apply({ upserts: [upsertOf(checkout)], removals: [] });
    const changed = renderOf(scrapedService('checkout', '99.5'));

    await sink().apply({
      upserts: [upsertOf(changed, CHECKOUT_IDS)],
      removals: [],
    });

    const rule = cluster.objects.get(
      'prometheusrules/shop/component-default-checkout',
    );
    expect(JSON.stringify(rule)).toContain('0.995');
    expect(cluster.requests.filter(r => r.method === 'DELETE')).toEqual([]);
  });

  it('prunes the objects an entity no longer needs, but only those labelled managed-by lookout', async () => {
    await sink().apply({ upserts: [upsertOf(checkout)], removals: [] });
    const sloOnly = renderOf(
      component('checkout', {
        'backstage.io/kubernetes-namespace': 'shop',
        'lookout.dev/slo-availability': '99.9',
        'lookout.dev/dashboard': 'false',
      }),
    );
    // The dashboard ConfigMap was taken over by another tool meanwhile (its label is gone).
    const configMap = cluster.objects.get(
      'configmaps/shop/component-default-checkout-dashboard',
    )!;
    cluster.put('configmaps', {
      ...configMap,
      metadata: { ...configMap.metadata, labels: {} },
    });

    const result = await sink().apply({
      upserts: [upsertOf(sloOnly, CHECKOUT_IDS)],
      removals: [],
    });

    expect(result.outcomes[0]).toMatchObject({
      ok: true,
      objects: [CHECKOUT_IDS[1]],
    });
    expect([...cluster.objects.keys()].sort()).toEqual([
      'configmaps/shop/component-default-checkout-dashboard',
      'prometheusrules/shop/component-default-checkout',
    ]);
  });

  it('retries a server error and succeeds when the API server recovers', async () => {
    cluster.failures.push(503);

    const result = await sink().apply({
      upserts: [upsertOf(checkout)],
      removals: [],
    });

    expect(result.outcomes[0].ok).toBe(true);
    expect(cluster.objects.size).toBe(3);
  });

  it('reports an entity the API server keeps failing, naming the object, and applies the others', async () => {
    cluster.failures.push(500, 500, 500);

    const result = await sink().apply({
      upserts: [upsertOf(checkout), upsertOf(cart)],
      removals: [],
    });

    expect(result.outcomes[0].ok || result.outcomes[0].error.message).toBe(
      // The sink reads each object before applying it (ownership check): the first call fails.
      'reading monitoring.coreos.com/v1/PrometheusRule/shop/component-default-checkout: etcdserver: request timed out',
    );
    expect(result.outcomes[1]).toMatchObject({
      entityRef: 'component:default/cart',
      ok: true,
    });
  });

  it('deletes a removed entity’s objects', async () => {
    await sink().apply({
      upserts: [upsertOf(checkout), upsertOf(cart)],
      removals: [],
    });

    const result = await sink().apply({
      upserts: [],
      removals: [removalOf(checkout, CHECKOUT_IDS)],
    });

    expect(result.outcomes[0].ok).toBe(true);
    expect(
      [...cluster.objects.keys()].every(key =>
        key.includes('component-default-cart'),
      ),
    ).toBe(true);
  });

  it('on a full sync prunes Lookout-labelled orphans cluster-wide, leaves other objects, skips kinds not installed', async () => {
    await sink().apply({
      upserts: [upsertOf(checkout), upsertOf(cart)],
      removals: [],
    });
    cluster.put('servicemonitors', {
      apiVersion: 'monitoring.coreos.com/v1',
      kind: 'ServiceMonitor',
      metadata: {
        name: 'hand-made',
        namespace: 'shop',
        labels: { team: 'shop' },
      },
    });

    const result = await sink().apply({
      upserts: [],
      removals: [],
      keep: [
        {
          entityRef: checkout.entityRef,
          slug: checkout.slug,
          objects: CHECKOUT_IDS,
        },
      ],
    });

    expect(result.pruned?.sort()).toEqual([
      'monitoring.coreos.com/v1/PrometheusRule/shop/component-default-cart',
      'monitoring.coreos.com/v1/ServiceMonitor/shop/component-default-cart',
      'v1/ConfigMap/shop/component-default-cart-dashboard',
    ]);
    expect(result.drifted).toEqual([]);
    expect(cluster.objects.has('servicemonitors/shop/hand-made')).toBe(true);
    expect(cluster.objects.size).toBe(4);
  });

  it('also applies a GrafanaDashboard per dashboard when observability.render.grafanaOperator is set', async () => {
    const withOperator = new FakeKubernetes('https://k8s-grafana.test', {
      grafanaOperator: true,
    });
    server.resetHandlers(...withOperator.handlers());
    const result = await new KubernetesSink({
      cluster: {
        name: 'production',
        url: withOperator.url,
        serviceAccountToken: 'sa-token',
        skipTLSVerify: true,
      },
      retryDelayMs: 1,
      grafanaOperator: {
        instanceSelector: { matchLabels: { dashboards: 'grafana' } },
      },
    }).apply({ upserts: [upsertOf(checkout)], removals: [] });

    expect(result.outcomes[0].ok).toBe(true);
    const dashboard = withOperator.objects.get(
      'grafanadashboards/shop/component-default-checkout',
    ) as unknown as {
      metadata: { labels: Record<string, string> };
      spec: {
        instanceSelector: unknown;
        configMapRef: { name: string; key: string };
      };
    };
    expect(dashboard.metadata.labels).toMatchObject({
      'app.kubernetes.io/managed-by': 'lookout',
    });
    expect(dashboard.spec.instanceSelector).toEqual({
      matchLabels: { dashboards: 'grafana' },
    });
    expect(
      withOperator.objects.has(
        'configmaps/shop/component-default-checkout-dashboard',
      ),
    ).toBe(true);
  });
});

describe('KubernetesSink (contract: two installations on one cluster)', () => {
  function sinkOf(instanceId: string) {
    return new KubernetesSink({
      cluster: {
        name: 'shared',
        url: cluster.url,
        serviceAccountToken: 'sa-token',
        skipTLSVerify: true,
      },
      retryDelayMs: 1,
      instanceId,
    });
  }

  it('prunes, removes and updates only its own objects, ConfigMaps included', async () => {
    const staging = sinkOf('staging');
    const production = sinkOf('production');
    const prodCheckout = renderOf(scrapedService('checkout'), {
      instanceId: 'production',
    });
    await production.apply({ upserts: [upsertOf(prodCheckout)], removals: [] });
    const before = new Map(cluster.objects);
    expect(before.size).toBe(3);

    const sync = await staging.apply({ upserts: [], removals: [], keep: [] });
    const removal = await staging.apply({
      upserts: [],
      removals: [
        removalOf(
          renderOf(scrapedService('checkout'), { instanceId: 'staging' }),
          CHECKOUT_IDS,
        ),
      ],
    });
    const takeover = await staging.apply({
      upserts: [
        upsertOf(
          renderOf(scrapedService('checkout'), { instanceId: 'staging' }),
        ),
      ],
      removals: [],
    });

    expect(sync.pruned).toEqual([]);
    expect(removal.outcomes[0]).toMatchObject({ ok: true });
    expect(takeover.outcomes[0]).toMatchObject({ ok: false });
    expect((takeover.outcomes[0] as { error: Error }).error.message).toMatch(
      /exists and is not managed by this Lookout installation \(instance staging; it belongs to instance production\); it is not taken over/,
    );
    expect(cluster.objects).toEqual(before);
    expect(cluster.requests.filter(r => r.method === 'DELETE')).toEqual([]);

    const own = await production.apply({ upserts: [], removals: [], keep: [] });
    expect([...(own.pruned ?? [])].sort()).toEqual([...CHECKOUT_IDS].sort());
  });

  it("refuses to take over an object someone else created in the entity's namespace", async () => {
    cluster.put('servicemonitors', {
      apiVersion: 'monitoring.coreos.com/v1',
      kind: 'ServiceMonitor',
      metadata: {
        name: 'component-default-checkout',
        namespace: 'shop',
        labels: { team: 'platform' },
      },
    });
    const result = await sinkOf('default').apply({
      upserts: [upsertOf(checkout)],
      removals: [],
    });
    expect(result.outcomes[0]).toMatchObject({ ok: false });
    expect((result.outcomes[0] as { error: Error }).error.message).toBe(
      'monitoring.coreos.com/v1/ServiceMonitor/shop/component-default-checkout exists and is not managed by this Lookout installation (instance default); it is not taken over',
    );
    expect(
      cluster.objects.get('servicemonitors/shop/component-default-checkout'),
    ).toEqual({
      apiVersion: 'monitoring.coreos.com/v1',
      kind: 'ServiceMonitor',
      metadata: {
        name: 'component-default-checkout',
        namespace: 'shop',
        labels: { team: 'platform' },
      },
    });
  });
});
