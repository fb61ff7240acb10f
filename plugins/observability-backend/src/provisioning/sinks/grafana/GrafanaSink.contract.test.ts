/*
 * Contract tests: the grafana sink against a fake Grafana built from the documented HTTP API
 * (no Grafana binary here).
 */
import { FakeGrafana } from '../../__testUtils__/fakeGrafana';
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
import { GrafanaClient } from './GrafanaClient';
import { GrafanaSink } from './GrafanaSink';

const grafana = new FakeGrafana();

function sink(instanceId?: string) {
  return new GrafanaSink({
    client: new GrafanaClient({
      url: grafana.url,
      token: 'sa-token',
      retryDelayMs: 1,
    }),
    instanceId,
  });
}

const server = describeSinkContract('GrafanaSink', {
  fake: grafana,
  sink,
  serverFailure:
    'Grafana GET /api/dashboards/uid/component_default_checkout answered 500: Internal Server Error',
  checkoutObjects: [`dashboard:${checkout.dashboard!.uid}`],
  takeoverRefused:
    /exists and was not provisioned by this Lookout installation \(instance staging; it belongs to instance production\); it is not overwritten/,
  contents: () => Object.fromEntries(grafana.dashboards),
  writes: () =>
    grafana.requests.filter(
      r => r.method === 'DELETE' || r.path === '/api/dashboards/db',
    ).length,
});

describe('GrafanaSink (contract: Grafana HTTP API)', () => {
  it('creates the owner’s folder, then the dashboard with its stable uid, folderUid and overwrite', async () => {
    const result = await upsertAll(sink(), checkout);

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
    await upsertAll(sink(), checkout);

    const result = await upsertAll(sink(), changedCheckout);

    expect(result.outcomes[0].ok).toBe(true);
    expect(
      grafana.dashboards.get(changedCheckout.dashboard!.uid),
    ).toMatchObject({
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

    const result = await upsertAll(sink(), checkout, cart);

    expect(outcomesOf(result)).toEqual([
      [
        'component:default/checkout',
        'Grafana POST /api/dashboards/db answered 412: A dashboard with the same name in the folder already exists (name-exists)',
      ],
      ['component:default/cart', 'ok'],
    ]);
    expect(grafana.dashboards.get('hand-made')?.version).toBe(4);
  });

  it('retries server errors and succeeds when Grafana recovers', async () => {
    grafana.failures.push(503, 502);

    const result = await upsertAll(sink(), checkout);

    expect(result.outcomes[0].ok).toBe(true);
    expect(grafana.requests.slice(0, 3).map(r => r.path)).toEqual([
      '/api/dashboards/uid/component_default_checkout',
      '/api/dashboards/uid/component_default_checkout',
      '/api/dashboards/uid/component_default_checkout',
    ]);
  });

  it('deletes the dashboard of a removed entity', async () => {
    const first = await upsertAll(sink(), checkout);
    const objects = first.outcomes[0].ok ? first.outcomes[0].objects : [];

    const result = await removeOne(sink(), checkout, objects);

    expect(result.outcomes[0].ok).toBe(true);
    expect(grafana.dashboards.size).toBe(0);
  });

  it('on a full sync prunes orphaned Lookout dashboards but never one Lookout did not generate', async () => {
    await upsertAll(sink(), checkout, cart);
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

    const result = await fullSync(sink(), [
      {
        entityRef: checkout.entityRef,
        slug: checkout.slug,
        objects: [`dashboard:${checkout.dashboard!.uid}`],
      },
    ]);

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
    await upsertAll(sink(), checkout);
    server.events.removeAllListeners();

    expect(new Set(seen)).toEqual(new Set(['Bearer sa-token']));
  });
});

describe('GrafanaSink (contract: dashboards of others)', () => {
  it('tags each dashboard with its installation', async () => {
    await upsertAll(sink('production'), checkout);
    expect(
      grafana.dashboards.get(checkout.dashboard!.uid)?.model.tags,
    ).toContain('lookout-instance:production');
  });

  it("does not overwrite a hand-made dashboard that has the entity's uid", async () => {
    const uid = checkout.dashboard!.uid;
    grafana.dashboards.set(uid, {
      model: { uid, title: 'Checkout (hand-made)', tags: ['team-shop'] },
      folderUid: 'general',
      version: 3,
    });
    const result = await upsertAll(sink('default'), checkout);
    expect(outcomesOf(result)).toEqual([
      [
        'component:default/checkout',
        `dashboard ${uid} exists and was not provisioned by this Lookout installation (instance default); it is not overwritten`,
      ],
    ]);
    expect(grafana.dashboards.get(uid)?.model.title).toBe(
      'Checkout (hand-made)',
    );
  });
});
