/*
 * Contract tests: the grafana sink against a fake Grafana built from the documented HTTP API
 * (no Grafana binary here).
 */
import { setupServer } from 'msw/node';
import { scrapedService } from '../../__testUtils__/entities';
import { FakeGrafana } from '../../__testUtils__/fakeGrafana';
import { removalOf, renderOf, upsertOf } from '../../__testUtils__/renders';
import { GrafanaClient } from './GrafanaClient';
import { GrafanaSink } from './GrafanaSink';

const grafana = new FakeGrafana();
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());
beforeEach(() => {
  server.resetHandlers(...grafana.handlers());
  grafana.folders.clear();
  grafana.dashboards.clear();
  grafana.requests.length = 0;
  grafana.failures.length = 0;
});

function sink() {
  return new GrafanaSink({
    client: new GrafanaClient({
      url: grafana.url,
      token: 'sa-token',
      retryDelayMs: 1,
    }),
  });
}

const checkout = renderOf(scrapedService('checkout'));
const cart = renderOf(scrapedService('cart'));

describe('GrafanaSink (contract: Grafana HTTP API)', () => {
  it('creates the owner’s folder, then the dashboard with its stable uid, folderUid and overwrite', async () => {
    const result = await sink().apply({
      upserts: [upsertOf(checkout)],
      removals: [],
    });

    const uid = checkout.dashboard!.uid;
    expect(result.outcomes).toEqual([
      {
        entityRef: 'component:default/checkout',
        ok: true,
        changed: true,
        objects: [`dashboard:${uid}`, 'folder:lookout-team-shop'],
      },
    ]);
    // The sink first looks the uid up: it never overwrites a dashboard that is not its own.
    expect(grafana.requests.map(r => `${r.method} ${r.path}`)).toEqual([
      'GET /api/dashboards/uid/component_default_checkout',
      'GET /api/folders/lookout-team-shop',
      'POST /api/folders',
      'POST /api/dashboards/db',
    ]);
    expect(grafana.requests[2].body).toEqual({
      uid: 'lookout-team-shop',
      title: 'team-shop',
    });
    expect(grafana.requests[3].body).toMatchObject({
      dashboard: { id: null, uid, title: checkout.dashboard!.title },
      folderUid: 'lookout-team-shop',
      overwrite: true,
      message: 'Provisioned by Lookout for component:default/checkout',
    });
    expect(grafana.dashboards.get(uid)).toMatchObject({
      folderUid: 'lookout-team-shop',
      version: 1,
    });
  });

  it('updates a dashboard in place: same uid, its folder sent again so it never moves to the root', async () => {
    await sink().apply({ upserts: [upsertOf(checkout)], removals: [] });
    const changed = renderOf(scrapedService('checkout', '99.5'));

    const result = await sink().apply({
      upserts: [upsertOf(changed)],
      removals: [],
    });

    expect(result.outcomes[0].ok).toBe(true);
    expect(grafana.dashboards.get(changed.dashboard!.uid)).toMatchObject({
      folderUid: 'lookout-team-shop',
      version: 2,
    });
    expect(
      grafana.requests.filter(r => r.path === '/api/folders'),
    ).toHaveLength(1);
  });

  it('reports a 412 name conflict for that entity and provisions the others', async () => {
    grafana.folders.set('lookout-team-shop', 'team-shop');
    grafana.dashboards.set('hand-made', {
      model: { uid: 'hand-made', title: checkout.dashboard!.title },
      folderUid: 'lookout-team-shop',
      version: 4,
    });

    const result = await sink().apply({
      upserts: [upsertOf(checkout), upsertOf(cart)],
      removals: [],
    });

    expect(result.outcomes[0]).toMatchObject({
      entityRef: 'component:default/checkout',
      ok: false,
    });
    expect(result.outcomes[0].ok || result.outcomes[0].error.message).toBe(
      'Grafana POST /api/dashboards/db answered 412: A dashboard with the same name in the folder already exists (name-exists)',
    );
    expect(result.outcomes[1]).toMatchObject({
      entityRef: 'component:default/cart',
      ok: true,
    });
    expect(grafana.dashboards.get('hand-made')?.version).toBe(4);
  });

  it('retries server errors and succeeds when Grafana recovers', async () => {
    grafana.failures.push(503, 502);

    const result = await sink().apply({
      upserts: [upsertOf(checkout)],
      removals: [],
    });

    expect(result.outcomes[0].ok).toBe(true);
    expect(grafana.requests.slice(0, 3).map(r => r.path)).toEqual([
      '/api/dashboards/uid/component_default_checkout',
      '/api/dashboards/uid/component_default_checkout',
      '/api/dashboards/uid/component_default_checkout',
    ]);
  });

  it('gives up on an entity after three server errors, naming the call, and carries on with the next', async () => {
    grafana.failures.push(500, 500, 500);

    const result = await sink().apply({
      upserts: [upsertOf(checkout), upsertOf(cart)],
      removals: [],
    });

    expect(result.outcomes[0].ok || result.outcomes[0].error.message).toBe(
      'Grafana GET /api/dashboards/uid/component_default_checkout answered 500: Internal Server Error',
    );
    expect(result.outcomes[1]).toMatchObject({
      entityRef: 'component:default/cart',
      ok: true,
    });
  });

  it('deletes the dashboard of a removed entity', async () => {
    const first = await sink().apply({
      upserts: [upsertOf(checkout)],
      removals: [],
    });
    const objects = first.outcomes[0].ok ? first.outcomes[0].objects : [];

    const result = await sink().apply({
      upserts: [],
      removals: [removalOf(checkout, objects)],
    });

    expect(result.outcomes[0].ok).toBe(true);
    expect(grafana.dashboards.size).toBe(0);
  });

  it('on a full sync prunes orphaned Lookout dashboards but never one Lookout did not generate', async () => {
    await sink().apply({
      upserts: [upsertOf(checkout), upsertOf(cart)],
      removals: [],
    });
    grafana.dashboards.set('team-dashboard', {
      model: {
        uid: 'team-dashboard',
        title: 'Ours',
        tags: ['lookout'],
        description: 'made by hand',
      },
      folderUid: 'lookout-team-shop',
      version: 1,
    });

    const result = await sink().apply({
      upserts: [],
      removals: [],
      keep: [
        {
          entityRef: checkout.entityRef,
          slug: checkout.slug,
          objects: [`dashboard:${checkout.dashboard!.uid}`],
        },
      ],
    });

    expect(result.pruned).toEqual([`dashboard:${cart.dashboard!.uid}`]);
    expect(result.drifted).toEqual([]);
    expect([...grafana.dashboards.keys()].sort()).toEqual(
      [checkout.dashboard!.uid, 'team-dashboard'].sort(),
    );
  });

  it('sends the service account token', async () => {
    const seen: string[] = [];
    server.events.on('request:start', ({ request }) => {
      seen.push(request.headers.get('authorization') ?? '');
    });
    await sink().apply({ upserts: [upsertOf(checkout)], removals: [] });
    server.events.removeAllListeners();

    expect(new Set(seen)).toEqual(new Set(['Bearer sa-token']));
  });
});

describe('GrafanaSink (contract: two installations on one Grafana)', () => {
  function sinkOf(instanceId: string) {
    return new GrafanaSink({
      client: new GrafanaClient({
        url: grafana.url,
        token: 'sa-token',
        retryDelayMs: 1,
      }),
      instanceId,
    });
  }

  it('prunes, removes and overwrites only its own dashboards', async () => {
    const prodCheckout = renderOf(scrapedService('checkout'), {
      instanceId: 'production',
    });
    await sinkOf('production').apply({
      upserts: [upsertOf(prodCheckout)],
      removals: [],
    });
    const uid = prodCheckout.dashboard!.uid;
    const before = structuredClone(grafana.dashboards.get(uid));
    expect(before?.model.tags).toContain('lookout-instance:production');

    const staging = sinkOf('staging');
    const sync = await staging.apply({ upserts: [], removals: [], keep: [] });
    const removal = await staging.apply({
      upserts: [],
      removals: [
        removalOf(
          renderOf(scrapedService('checkout'), { instanceId: 'staging' }),
          [`dashboard:${uid}`],
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
    expect(removal.outcomes[0].ok).toBe(true);
    expect(takeover.outcomes[0].ok || takeover.outcomes[0].error.message).toBe(
      `dashboard ${uid} exists and was not provisioned by this Lookout installation (instance staging; it belongs to instance production); it is not overwritten`,
    );
    expect(grafana.dashboards.get(uid)).toEqual(before);
    expect(
      grafana.requests.filter(
        r => r.method === 'DELETE' || r.path === '/api/dashboards/db',
      ),
    ).toHaveLength(1);
  });

  it("does not overwrite a hand-made dashboard that has the entity's uid", async () => {
    const uid = checkout.dashboard!.uid;
    grafana.dashboards.set(uid, {
      model: { uid, title: 'Checkout (hand-made)', tags: ['team-shop'] },
      folderUid: 'general',
      version: 3,
    });
    const result = await sinkOf('default').apply({
      upserts: [upsertOf(checkout)],
      removals: [],
    });
    expect(result.outcomes[0].ok || result.outcomes[0].error.message).toBe(
      `dashboard ${uid} exists and was not provisioned by this Lookout installation (instance default); it is not overwritten`,
    );
    expect(grafana.dashboards.get(uid)?.model.title).toBe(
      'Checkout (hand-made)',
    );
  });
});
