import { DEFAULT_ALERTING_SETTINGS } from './alertingSettings';
import { buildRoutingPlan } from './routeTree';
import { formatPaging, whoGetsPaged } from './whoGetsPaged';

const plan = buildRoutingPlan(
  {
    teams: [
      {
        team: 'team-shop',
        receivers: {
          pager: { value: '0123456789abcdef0123456789abcdef' },
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
    ],
    ownerlessPagers: [],
  },
  DEFAULT_ALERTING_SETTINGS,
);

describe('whoGetsPaged', () => {
  it('names the pager and the ticket channel of the owning team', () => {
    const routes = whoGetsPaged(plan, {
      entityRef: 'component:default/checkout',
      team: 'team-shop',
    });
    expect(formatPaging(routes)).toBe(
      'pages → PagerDuty (team-shop), tickets → #shop-alerts',
    );
    expect(routes.map(r => [r.pages, r.isDefault])).toEqual([
      [true, false],
      [false, false],
    ]);
  });

  it('falls back to the default receiver for a team without receivers', () => {
    const routes = whoGetsPaged(plan, {
      entityRef: 'component:default/x',
      team: 'team-none',
    });
    expect(formatPaging(routes)).toBe(
      'pages → the default receiver (unrouted), tickets → the default receiver (unrouted)',
    );
    expect(routes.every(r => r.isDefault && !r.pages)).toBe(true);
  });
});
