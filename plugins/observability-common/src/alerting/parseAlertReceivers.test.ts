import { Entity } from '@backstage/catalog-model';
import { parseAlertReceivers } from './parseAlertReceivers';

function entity(kind: string, annotations: Record<string, unknown>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: {
      name: 'team-shop',
      annotations: annotations as Record<string, string>,
    },
    spec: {},
  };
}

const KEY = '0123456789abcdef0123456789ABCDEF';

describe('parseAlertReceivers', () => {
  it('honours the PagerDuty plugin annotation as written', () => {
    expect(
      parseAlertReceivers(
        entity('Group', { 'pagerduty.com/integration-key': KEY }),
      ),
    ).toEqual({
      receivers: { pager: { value: KEY }, tickets: [] },
      problems: [],
    });
  });

  it('reads a routing key from a Secret reference instead', () => {
    expect(
      parseAlertReceivers(
        entity('Component', { 'lookout.dev/pager-secret': 'pd-keys/shop' }),
      ).receivers,
    ).toEqual({
      pager: { secret: { name: 'pd-keys', key: 'shop' } },
      tickets: [],
    });
  });

  it("reads a Group's ticket channels: Slack webhook in a Secret, e-mail, webhook", () => {
    const parsed = parseAlertReceivers(
      entity('Group', {
        'lookout.dev/tickets-slack-secret': 'alertmanager-receivers/shop-slack',
        'lookout.dev/tickets-slack-channel': 'shop-alerts',
        'lookout.dev/tickets-email': 'shop@example.com',
        'lookout.dev/tickets-webhook': 'https://tickets.example.com/hook',
      }),
    );
    expect(parsed.problems).toEqual([]);
    expect(parsed.receivers.tickets).toEqual([
      {
        type: 'slack',
        webhook: { name: 'alertmanager-receivers', key: 'shop-slack' },
        channel: '#shop-alerts',
      },
      { type: 'email', to: 'shop@example.com' },
      { type: 'webhook', url: 'https://tickets.example.com/hook' },
    ]);
  });

  it.each([
    ['pagerduty.com/integration-key', 'not-a-key'],
    ['pagerduty.com/integration-key', `${KEY}0`],
    ['lookout.dev/pager-secret', 'just-a-name'],
    ['lookout.dev/pager-secret', 'Upper/key'],
    ['lookout.dev/pager-secret', 'name/key with space'],
    ['lookout.dev/tickets-slack-secret', 'a/b/c'],
    ['lookout.dev/tickets-email', 'not an address'],
    ['lookout.dev/tickets-webhook', 'ftp://example.com/x'],
  ])(
    'reports a malformed %s (%p) as an error naming it',
    (annotation, value) => {
      const { receivers, problems } = parseAlertReceivers(
        entity('Group', { [annotation]: value }),
      );
      expect(problems).toEqual([
        expect.objectContaining({ severity: 'error', annotation, path: '' }),
      ]);
      expect(receivers).toEqual({ tickets: [] });
    },
  );

  it('refuses a key and a Secret reference together', () => {
    const { receivers, problems } = parseAlertReceivers(
      entity('Group', {
        'pagerduty.com/integration-key': KEY,
        'lookout.dev/pager-secret': 'pd/shop',
      }),
    );
    expect(receivers.pager).toBeUndefined();
    expect(problems.map(p => [p.severity, p.annotation])).toEqual([
      ['error', 'lookout.dev/pager-secret'],
    ]);
  });

  it('asks for the webhook of a Slack channel given alone', () => {
    expect(
      parseAlertReceivers(
        entity('Group', { 'lookout.dev/tickets-slack-channel': '#shop' }),
      ).problems.map(p => [p.severity, p.annotation]),
    ).toEqual([['error', 'lookout.dev/tickets-slack-channel']]);
  });

  it('warns that ticket channels on a Component are not read', () => {
    const { receivers, problems } = parseAlertReceivers(
      entity('Component', { 'lookout.dev/tickets-email': 'a@example.com' }),
    );
    expect(receivers).toEqual({ tickets: [] });
    expect(problems.map(p => [p.severity, p.annotation])).toEqual([
      ['warning', 'lookout.dev/tickets-email'],
    ]);
  });
});
