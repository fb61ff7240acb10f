import { ConfigReader } from '@backstage/config';
import { readAlertingOptions } from './readAlertingOptions';

function read(alerting: object) {
  return readAlertingOptions(new ConfigReader({ observability: { alerting } }));
}

describe('readAlertingOptions', () => {
  it('defaults to the unrouted receiver and the documented timings', () => {
    const options = readAlertingOptions(new ConfigReader({}));
    expect(options.secretsDirectory).toBe('/etc/alertmanager/secrets');
    expect(options.settings.defaultReceiver).toEqual({
      name: 'unrouted',
      tickets: [],
      description: 'the default receiver (unrouted)',
    });
    expect(options.settings.timings).toEqual({
      groupWait: '30s',
      groupInterval: '5m',
      repeatInterval: '4h',
    });
    expect(options.settings.severities).toEqual({
      page: { groupWait: '10s', repeatInterval: '1h' },
      ticket: { repeatInterval: '24h' },
    });
  });

  it('reads the default receiver, grouping, timings and per-severity settings', () => {
    const options = read({
      defaultReceiver: {
        name: 'ops',
        slackSecret: 'alertmanager-receivers/unrouted-slack-webhook-url',
        slackChannel: '#ops',
      },
      groupBy: ['alertname', 'team'],
      repeatInterval: '6h',
      severities: { page: { repeatInterval: '30m' } },
      namespace: 'monitoring',
      smtp: { smarthost: 'smtp.example.com:587', from: 'am@example.com' },
    });
    expect(options.settings.defaultReceiver).toEqual({
      name: 'ops',
      tickets: [
        {
          type: 'slack',
          webhook: {
            name: 'alertmanager-receivers',
            key: 'unrouted-slack-webhook-url',
          },
          channel: '#ops',
        },
      ],
      description: 'the default receiver (ops, #ops)',
    });
    expect(options.settings.groupBy).toEqual(['alertname', 'team']);
    expect(options.settings.timings.repeatInterval).toBe('6h');
    expect(options.settings.severities).toEqual({
      page: { repeatInterval: '30m' },
      ticket: { repeatInterval: '24h' },
    });
    expect(options.namespace).toBe('monitoring');
    expect(options.smtp).toEqual({
      smarthost: 'smtp.example.com:587',
      from: 'am@example.com',
    });
  });

  it('names the key of a malformed value', () => {
    expect(() => read({ defaultReceiver: { pagerSecret: 'no-key' } })).toThrow(
      /^observability\.alerting\.defaultReceiver\.pagerSecret: /,
    );
    expect(() =>
      read({ severities: { ticket: { groupWait: 'soon' } } }),
    ).toThrow(
      'observability.alerting.severities.ticket.groupWait must be a duration such as 30s, 5m or 4h, got "soon"',
    );
  });
});
