import { validateCustomResource } from '../../__fixtures__/__testUtils__/validateCustomResource';
import {
  EDGE_KEY,
  operatorRoutingRenders as renders,
  SHOP_KEY,
} from './__testUtils__/routingCatalog';

type Obj = {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace: string; labels: Record<string, string> };
  spec?: any;
  stringData?: Record<string, string>;
};

describe('renderAlertmanagerConfigs', () => {
  it('renders one owner per team with receivers, named after its Group', () => {
    expect(renders.map(r => [r.entityRef, r.slug])).toEqual([
      ['group:default/team-docs', 'group-default-team-docs'],
      ['group:default/team-ghost', 'group-default-team-ghost'],
      ['group:default/team-pay', 'group-default-team-pay'],
      ['group:default/team-shop', 'group-default-team-shop'],
    ]);
  });

  it('validates every AlertmanagerConfig strictly against the CRD', () => {
    const configs = renders
      .flatMap(r => r.objects as Obj[])
      .filter(o => o.kind === 'AlertmanagerConfig');
    expect(configs).toHaveLength(4);
    for (const object of configs) {
      expect(validateCustomResource(object)).toEqual([]);
    }
  });

  it('routes and receives like the plain configuration, Secret keys as secretKeyRef', () => {
    const shop = renders.find(r => r.slug === 'group-default-team-shop')!
      .objects as Obj[];
    const config = shop.find(o => o.kind === 'AlertmanagerConfig')!;
    expect(config.metadata).toMatchObject({
      name: 'group-default-team-shop',
      namespace: 'observability',
      labels: {
        'app.kubernetes.io/managed-by': 'lookout',
        release: 'kube-prometheus-stack',
      },
    });
    expect(config.spec.route).toEqual({
      receiver: 'team-shop-tickets',
      matchers: [{ name: 'team', value: 'team-shop', matchType: '=' }],
      routes: [
        {
          receiver: 'team-shop-pager',
          matchers: [{ name: 'severity', value: 'page', matchType: '=' }],
          groupWait: '10s',
          repeatInterval: '1h',
        },
        {
          receiver: 'team-shop-tickets',
          matchers: [{ name: 'severity', value: 'ticket', matchType: '=' }],
          repeatInterval: '24h',
        },
      ],
    });
    const receivers = Object.fromEntries(
      config.spec.receivers.map((r: any) => [r.name, r]),
    );
    expect(receivers['team-shop-pager'].pagerdutyConfigs[0].routingKey).toEqual(
      {
        name: 'group-default-team-shop-pagerduty',
        key: 'team-shop-pager',
      },
    );
    expect(receivers['team-shop-tickets'].slackConfigs[0].apiURL).toEqual({
      name: 'alertmanager-receivers',
      key: 'team-shop-slack-webhook-url',
    });
    const pay = renders.find(r => r.slug === 'group-default-team-pay')!
      .objects as Obj[];
    expect(pay.map(o => o.kind)).toEqual(['AlertmanagerConfig']);
    expect(pay[0].spec.receivers[0].pagerdutyConfigs[0].routingKey).toEqual({
      name: 'alertmanager-receivers',
      key: 'team-pay-pagerduty-routing-key',
    });
  });

  it('puts keys written in the catalog into a Secret beside the config', () => {
    const secretOf = (slug: string) =>
      (renders.find(r => r.slug === slug)!.objects as Obj[]).find(
        o => o.kind === 'Secret',
      );
    expect(secretOf('group-default-team-shop')).toMatchObject({
      apiVersion: 'v1',
      metadata: {
        name: 'group-default-team-shop-pagerduty',
        namespace: 'observability',
      },
      stringData: { 'team-shop-pager': SHOP_KEY },
    });
    expect(secretOf('group-default-team-ghost')?.stringData).toEqual({
      'component-default-edge-pager': EDGE_KEY,
    });
  });
});
