import { routingOf } from './routingOf';
import { renderAlertmanagerYaml } from './alertmanagerYaml';
import {
  alertingOptions,
  groups,
  inputs,
  routingPlan,
  SHOP_KEY,
} from './__testUtils__/routingCatalog';

const config = renderAlertmanagerYaml(routingPlan, alertingOptions);

describe('renderAlertmanagerYaml', () => {
  it('sends everything no team takes to the default receiver, with the configured timings', () => {
    expect(config.route).toMatchObject({
      receiver: 'unrouted',
      group_by: ['alertname', 'team', 'severity', 'backstage_entity', 'slo'],
      group_wait: '30s',
      group_interval: '5m',
      repeat_interval: '4h',
    });
    expect(config.global).toEqual({
      resolve_timeout: '5m',
      smtp_smarthost: 'smtp.example.com:587',
      smtp_from: 'alertmanager@example.com',
    });
  });

  it('routes a team with a pager and a ticket channel: pages to the pager, the rest to tickets', () => {
    expect(config.route.routes).toContainEqual({
      receiver: 'team-shop-tickets',
      matchers: ['team="team-shop"'],
      routes: [
        {
          receiver: 'team-shop-pager',
          matchers: ['severity="page"'],
          group_wait: '10s',
          repeat_interval: '1h',
        },
        {
          receiver: 'team-shop-tickets',
          matchers: ['severity="ticket"'],
          repeat_interval: '24h',
        },
      ],
    });
  });

  it('gives no route to a team without receivers, and one to its Component with its own key', () => {
    expect(config.route.routes!.map(r => r.matchers)).toEqual([
      ['team="team-docs"'],
      [
        'team="team-ghost"',
        'severity="page"',
        'backstage_entity=~"component:default/edge"',
      ],
      ['team="team-pay"'],
      ['team="team-shop"'],
    ]);
  });

  it('writes keys from the catalog as they are and reads Secret keys from files', () => {
    const byName = Object.fromEntries(config.receivers.map(r => [r.name, r]));
    expect(byName['team-shop-pager'].pagerduty_configs).toEqual([
      expect.objectContaining({
        routing_key: SHOP_KEY,
        send_resolved: true,
        severity: 'critical',
      }),
    ]);
    expect(byName['team-pay-pager'].pagerduty_configs).toEqual([
      expect.objectContaining({
        routing_key_file:
          '/etc/alertmanager/secrets/alertmanager-receivers/team-pay-pagerduty-routing-key',
      }),
    ]);
    expect(byName['team-shop-tickets'].slack_configs).toEqual([
      expect.objectContaining({
        api_url_file:
          '/etc/alertmanager/secrets/alertmanager-receivers/team-shop-slack-webhook-url',
        channel: '#shop-alerts',
      }),
    ]);
    expect(byName['team-pay-tickets'].webhook_configs).toEqual([
      { url: 'https://tickets.example.com/hooks/pay', send_resolved: true },
    ]);
    expect(byName['team-docs-tickets'].email_configs).toEqual([
      { to: 'docs@example.com', send_resolved: true },
    ]);
    expect(byName.unrouted).toEqual({ name: 'unrouted' });
  });

  it('lets a page of an SLO inhibit the ticket of the same SLO and entity', () => {
    expect(config.inhibit_rules).toEqual([
      {
        source_matchers: ['alertname="ErrorBudgetBurn"', 'severity="page"'],
        target_matchers: ['alertname="ErrorBudgetBurn"', 'severity="ticket"'],
        equal: ['slo', 'backstage_entity'],
      },
    ]);
  });

  it('does not depend on the order of the entities', () => {
    expect(
      renderAlertmanagerYaml(
        routingOf(
          [...inputs].reverse(),
          ref => groups.get(ref),
          alertingOptions,
        ),
        alertingOptions,
      ),
    ).toEqual(config);
  });
});
