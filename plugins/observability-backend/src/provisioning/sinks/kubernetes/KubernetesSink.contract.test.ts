/*
 * Contract tests: the kubernetes sink against a fake API server built from the documented
 * Kubernetes API (discovery, server-side apply, get, delete, list by label selector).
 */
import { component } from '../../__testUtils__/entities';
import { FakeKubernetes } from '../../__testUtils__/fakeKubernetes';
import { renderOf, upsertOf } from '../../__testUtils__/renders';
import {
  cart,
  checkout,
  describeSinkContract,
  fullSync,
  outcomesOf,
  removeOne,
  changedCheckout,
  upsertAll,
} from '../../__testUtils__/sinkContract';
import { KubernetesSink, KubernetesSinkOptions } from './KubernetesSink';

const cluster = new FakeKubernetes();

function sink(
  options: Omit<Partial<KubernetesSinkOptions>, 'cluster'> & {
    url?: string;
  } = {},
) {
  const { url = cluster.url, ...rest } = options;
  return new KubernetesSink({
    cluster: {
      name: 'production',
      url,
      serviceAccountToken: 'sa-token',
      skipTLSVerify: true,
    },
    retryDelayMs: 1,
    ...rest,
  });
}

const CHECKOUT_IDS = [
  'monitoring.coreos.com/v1/ServiceMonitor/shop/component-default-checkout',
  'monitoring.coreos.com/v1/PrometheusRule/shop/component-default-checkout',
  'v1/ConfigMap/shop/component-default-checkout-dashboard',
];

const server = describeSinkContract('KubernetesSink', {
  fake: cluster,
  sink: instanceId => sink({ instanceId }),
  // The sink reads each object before applying it (ownership check): the first call fails.
  serverFailure:
    'reading monitoring.coreos.com/v1/PrometheusRule/shop/component-default-checkout: etcdserver: request timed out',
  checkoutObjects: CHECKOUT_IDS,
  takeoverRefused:
    /exists and is not managed by this Lookout installation \(instance staging; it belongs to instance production\); it is not taken over/,
  contents: () => Object.fromEntries(cluster.objects),
  writes: () =>
    cluster.requests.filter(r => r.method === 'PATCH' || r.method === 'DELETE')
      .length,
});

describe('KubernetesSink (contract: Kubernetes API)', () => {
  it('applies every object server-side: field manager lookout, not forced, application/apply-patch+yaml', async () => {
    const result = await upsertAll(sink(), checkout);

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
    await upsertAll(sink(), checkout);

    await sink().apply({
      upserts: [upsertOf(changedCheckout, CHECKOUT_IDS)],
      removals: [],
    });

    const rule = cluster.objects.get(
      'prometheusrules/shop/component-default-checkout',
    );
    expect(JSON.stringify(rule)).toContain('0.995');
    expect(cluster.requests.filter(r => r.method === 'DELETE')).toEqual([]);
  });

  it('prunes the objects an entity no longer needs, but only those labelled managed-by lookout', async () => {
    await upsertAll(sink(), checkout);
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

    const result = await upsertAll(sink(), checkout);

    expect(result.outcomes[0].ok).toBe(true);
    expect(cluster.objects.size).toBe(3);
  });

  it('deletes a removed entity’s objects', async () => {
    await upsertAll(sink(), checkout, cart);

    const result = await removeOne(sink(), checkout, CHECKOUT_IDS);

    expect(result.outcomes[0].ok).toBe(true);
    expect(
      [...cluster.objects.keys()].every(key =>
        key.includes('component-default-cart'),
      ),
    ).toBe(true);
  });

  it('on a full sync prunes Lookout-labelled orphans cluster-wide, leaves other objects, skips kinds not installed', async () => {
    await upsertAll(sink(), checkout, cart);
    cluster.put('servicemonitors', {
      apiVersion: 'monitoring.coreos.com/v1',
      kind: 'ServiceMonitor',
      metadata: {
        name: 'hand-made',
        namespace: 'shop',
        labels: { team: 'shop' },
      },
    });

    const result = await fullSync(sink(), [
      {
        entityRef: checkout.entityRef,
        slug: checkout.slug,
        objects: CHECKOUT_IDS,
      },
    ]);

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
    const result = await upsertAll(
      sink({
        url: withOperator.url,
        grafanaOperator: {
          instanceSelector: { matchLabels: { dashboards: 'grafana' } },
        },
      }),
      checkout,
    );

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

describe('KubernetesSink (contract: objects of others)', () => {
  it("refuses to take over an object someone else created in the entity's namespace", async () => {
    const handMade = {
      apiVersion: 'monitoring.coreos.com/v1',
      kind: 'ServiceMonitor',
      metadata: {
        name: 'component-default-checkout',
        namespace: 'shop',
        labels: { team: 'platform' },
      },
    };
    cluster.put('servicemonitors', structuredClone(handMade));
    const result = await upsertAll(sink({ instanceId: 'default' }), checkout);
    expect(outcomesOf(result)).toEqual([
      [
        'component:default/checkout',
        'monitoring.coreos.com/v1/ServiceMonitor/shop/component-default-checkout exists and is not managed by this Lookout installation (instance default); it is not taken over',
      ],
    ]);
    expect(
      cluster.objects.get('servicemonitors/shop/component-default-checkout'),
    ).toEqual(handMade);
  });
});
