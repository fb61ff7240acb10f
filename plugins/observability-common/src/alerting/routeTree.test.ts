import { DEFAULT_ALERTING_SETTINGS } from './alertingSettings';
import { routeAlert } from './routeAlert';
import { buildRoutingPlan, RoutingInput } from './routeTree';

const KEY = { value: '0123456789abcdef0123456789abcdef' };

/**
 * Teams of the documented policy: shop (pager + Slack), pay (pager only), docs (e-mail only),
 * quiet (nothing), and a Component of quiet with its own pager.
 */
const input: RoutingInput = {
  teams: [
    {
      team: 'quiet',
      receivers: { tickets: [] },
      entityPagers: [
        {
          entityRef: 'component:default/edge',
          slug: 'component-default-edge',
          pager: KEY,
        },
      ],
    },
    {
      team: 'team-shop',
      groupRef: 'group:default/team-shop',
      receivers: {
        pager: KEY,
        tickets: [
          {
            type: 'slack',
            webhook: { name: 'am', key: 'shop' },
            channel: '#shop-alerts',
          },
        ],
      },
      entityPagers: [],
    },
    {
      team: 'team-pay',
      receivers: { pager: { secret: { name: 'pd', key: 'pay' } }, tickets: [] },
      entityPagers: [],
    },
    {
      team: 'docs',
      receivers: { tickets: [{ type: 'email', to: 'docs@example.com' }] },
      entityPagers: [],
    },
    { team: 'silent', receivers: { tickets: [] }, entityPagers: [] },
  ],
  ownerlessPagers: [
    {
      entityRef: 'component:default/orphan',
      slug: 'component-default-orphan',
      pager: KEY,
    },
  ],
};

const plan = buildRoutingPlan(input, DEFAULT_ALERTING_SETTINGS);

function receiverOf(labels: Record<string, string>): string {
  return routeAlert(plan.root, labels).receiver;
}

describe('buildRoutingPlan and routeAlert', () => {
  it.each([
    [{ team: 'team-shop', severity: 'page' }, 'team-shop-pager'],
    [{ team: 'team-shop', severity: 'ticket' }, 'team-shop-tickets'],
    [{ team: 'team-shop', severity: 'info' }, 'team-shop-tickets'],
    [{ team: 'team-pay', severity: 'page' }, 'team-pay-pager'],
    [{ team: 'team-pay', severity: 'ticket' }, 'unrouted'],
    [{ team: 'docs', severity: 'page' }, 'docs-tickets'],
    [{ team: 'docs', severity: 'ticket' }, 'docs-tickets'],
    [{ team: 'silent', severity: 'page' }, 'unrouted'],
    [
      {
        team: 'quiet',
        severity: 'page',
        backstage_entity: 'component:default/edge',
      },
      'component-default-edge-pager',
    ],
    [
      {
        team: 'quiet',
        severity: 'page',
        backstage_entity: 'component:default/other',
      },
      'unrouted',
    ],
    [
      {
        team: 'quiet',
        severity: 'ticket',
        backstage_entity: 'component:default/edge',
      },
      'unrouted',
    ],
    [
      { severity: 'page', backstage_entity: 'component:default/orphan' },
      'component-default-orphan-pager',
    ],
    [
      { severity: 'page', backstage_entity: 'component:default/nobody' },
      'unrouted',
    ],
  ])('routes %p to %s', (labels, receiver) => {
    expect(receiverOf(labels)).toBe(receiver);
  });

  it('lists the owners with any receiver, owner-less pagers first, teams by name', () => {
    expect(plan.owners.map(o => o.name)).toEqual([
      'component-default-orphan',
      'docs',
      'quiet',
      'team-pay',
      'team-shop',
    ]);
    expect(plan.receivers.map(r => r.name)).toEqual([
      'unrouted',
      'component-default-orphan-pager',
      'docs-tickets',
      'component-default-edge-pager',
      'team-pay-pager',
      'team-shop-pager',
      'team-shop-tickets',
    ]);
  });

  it('applies the per-severity timings to the routes of that severity', () => {
    const shop = plan.owners.find(o => o.name === 'team-shop')!.route;
    expect(
      shop.routes.map(r => [r.receiver, r.groupWait, r.repeatInterval]),
    ).toEqual([
      ['team-shop-pager', '10s', '1h'],
      ['team-shop-tickets', undefined, '24h'],
    ]);
  });

  it('does not depend on the order of the teams', () => {
    expect(
      buildRoutingPlan(
        { ...input, teams: [...input.teams].reverse() },
        DEFAULT_ALERTING_SETTINGS,
      ),
    ).toEqual(plan);
  });
});
