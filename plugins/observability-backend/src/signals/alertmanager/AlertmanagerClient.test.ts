import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { fixtureJson } from '../../__testUtils__/fixtures';
import { testHttp } from '../../__testUtils__/upstreamOptions';
import { alertFromAlertmanager } from '../alerts/AlertmanagerAlertSource';
import {
  AlertmanagerClient,
  formatAlertmanagerMatcher,
} from './AlertmanagerClient';

const AM = 'http://alertmanager.test';
const server = setupServer();

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

describe('AlertmanagerClient (contract tests against captured Alertmanager 0.25 responses)', () => {
  it('filters with quoted matchers and reads 0.25 alerts (no mutedBy)', async () => {
    let filters: string[] = [];
    server.use(
      http.get(`${AM}/api/v2/alerts`, ({ request }) => {
        filters = new URL(request.url).searchParams.getAll('filter');
        return HttpResponse.json(
          fixtureJson('alertmanager/alerts-filtered.json') as object,
        );
      }),
    );
    const alerts = await new AlertmanagerClient(
      testHttp('alertmanager', AM),
    ).alerts([
      {
        name: 'backstage_io_entity',
        op: '=',
        value: 'component:default/checkout',
      },
    ]);
    expect(filters).toEqual([
      'backstage_io_entity="component:default/checkout"',
    ]);
    expect(alertFromAlertmanager(alerts[0], 'http://am.example.com/')).toEqual({
      name: 'CheckoutErrorBudgetBurn',
      severity: 'page',
      state: 'firing',
      activeAt: Date.parse('2026-11-25T16:59:48.049Z'),
      labels: expect.objectContaining({ slo: 'checkout-availability' }),
      annotations: expect.objectContaining({
        summary: 'checkout is burning its error budget',
      }),
      url: `http://am.example.com/#/alerts?filter=${encodeURIComponent(
        '{alertname="CheckoutErrorBudgetBurn",slo="checkout-availability",severity="page"}',
      )}`,
    });
  });

  it('accepts fields of later versions and marks silenced alerts suppressed', async () => {
    const [alert] = fixtureJson<object[]>('alertmanager/alerts-filtered.json');
    server.use(
      http.get(`${AM}/api/v2/alerts`, () =>
        HttpResponse.json([
          {
            ...alert,
            status: {
              state: 'suppressed',
              silencedBy: ['x'],
              inhibitedBy: [],
              mutedBy: [],
            },
            newerField: { anything: true },
          },
        ]),
      ),
    );
    const [read] = await new AlertmanagerClient(
      testHttp('alertmanager', AM),
    ).alerts([]);
    expect(alertFromAlertmanager(read).state).toBe('suppressed');
  });

  it("answers a 400 (a JSON string body) as an UpstreamError with Alertmanager's reason", async () => {
    server.use(
      http.get(`${AM}/api/v2/alerts`, () =>
        HttpResponse.json(
          fixtureJson('alertmanager/error-400-bad-filter.json') as string,
          {
            status: 400,
          },
        ),
      ),
    );
    await expect(
      new AlertmanagerClient(testHttp('alertmanager', AM)).alerts([]),
    ).rejects.toMatchObject({
      name: 'UpstreamError',
      upstream: 'alertmanager',
      message: expect.stringContaining('unescaped double quote'),
    });
  });

  it('escapes quotes and backslashes in matcher values', () => {
    expect(
      formatAlertmanagerMatcher({ name: 'a', op: '=~', value: 'x"y\\z' }),
    ).toBe('a=~"x\\"y\\\\z"');
  });
});
