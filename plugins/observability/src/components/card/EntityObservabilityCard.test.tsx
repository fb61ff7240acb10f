import { screen, within } from '@testing-library/react';
import {
  registerMswTestHooks,
  textContentMatcher,
} from '@backstage/test-utils';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { PagingRoute } from '@lookout/plugin-observability-common';
import {
  annotatedEntity,
  configResponse,
  ENTITY_PATH,
  plainEntity,
  teamPaging,
  unroutedPaging,
  upstreamErrorBody,
} from '../../__testUtils__/fixtures';
import { defaultHandlers } from '../../__testUtils__/handlers';
import { renderWithEntity } from '../../__testUtils__/renderWithEntity';
import { EntityObservabilityCard } from './EntityObservabilityCard';

describe('EntityObservabilityCard', () => {
  const server = setupServer(...defaultHandlers);
  registerMswTestHooks(server);

  it('shows each SLO with its objective, window, indicator and budget remaining', async () => {
    await renderWithEntity(<EntityObservabilityCard />, {
      entity: annotatedEntity,
    });

    const table = await screen.findByRole('table', { name: 'SLOs' });
    expect(within(table).getByText('availability')).toBeInTheDocument();
    expect(within(table).getByText('99.9% / 30d')).toBeInTheDocument();
    expect(
      within(table).getByRole('columnheader', { name: 'Budget left' }),
    ).toBeInTheDocument();
    expect(
      within(table).getByText(
        'errors http_server_request_duration_seconds_count{http_response_status_code=~"5.."} / total http_server_request_duration_seconds_count',
      ),
    ).toBeInTheDocument();
    expect(await within(table).findByText('62.5%')).toBeInTheDocument();
    expect(within(table).getByText('Alert firing')).toBeInTheDocument();
  });

  it('lists every annotation problem with its location, message and a hint', async () => {
    await renderWithEntity(<EntityObservabilityCard />, {
      entity: annotatedEntity,
    });

    const problems = await screen.findByRole('region', {
      name: /Annotation problems/,
    });
    expect(
      within(problems).getByText('lookout.dev/slos[0].objective'),
    ).toBeInTheDocument();
    expect(
      within(problems).getByText(/a 100% objective leaves no error budget/),
    ).toBeInTheDocument();
    expect(
      within(problems).getByText(
        'Example: lookout.dev/slos: - name: availability …',
      ),
    ).toBeInTheDocument();
    expect(
      within(problems).getByText('lookout.dev/metrics-intervall'),
    ).toBeInTheDocument();
    expect(
      within(problems).getByText(
        'lookout.dev/metrics-intervall is not a Lookout annotation: check its spelling.',
      ),
    ).toBeInTheDocument();
    expect(within(problems).getByTitle('error')).toBeInTheDocument();
    expect(within(problems).getByTitle('warning')).toBeInTheDocument();
  });

  it('shows scraping, logs, traces and dashboard settings', async () => {
    await renderWithEntity(<EntityObservabilityCard />, {
      entity: annotatedEntity,
    });

    const signals = await screen.findByRole('region', { name: 'Signals' });
    expect(
      within(signals).getByText(
        'port http-metrics · path /metrics · every 30s',
      ),
    ).toBeInTheDocument();
    expect(
      within(signals).getByText('{service_name="checkout"}'),
    ).toBeInTheDocument();
    expect(within(signals).getByText('checkout')).toBeInTheDocument();
    expect(within(signals).getByText('generated')).toBeInTheDocument();
  });

  /** Serves the config route with `paging`, renders the card and finds its paging section. */
  async function renderWithPaging(paging: PagingRoute[]) {
    server.use(
      http.get(`${ENTITY_PATH}/config`, () =>
        HttpResponse.json({ ...configResponse, paging }),
      ),
    );
    await renderWithEntity(<EntityObservabilityCard />, {
      entity: annotatedEntity,
    });
    return screen.findByRole('region', { name: 'Who gets paged' });
  }

  it('says who gets paged per severity, as the backend resolves the routing', async () => {
    const section = await renderWithPaging(teamPaging);

    expect(
      within(section).getByText(
        'pages → PagerDuty (team-shop), tickets → #shop-alerts',
      ),
    ).toBeInTheDocument();
    expect(
      within(section).queryByText(/No pager is reached/),
    ).not.toBeInTheDocument();
  });

  it('says when pages reach no pager, and what to add', async () => {
    const section = await renderWithPaging(unroutedPaging);

    expect(
      within(section).getByText(
        'pages → the default receiver (unrouted), tickets → the default receiver (unrouted)',
      ),
    ).toBeInTheDocument();
    expect(
      within(section).getByText(
        /No pager is reached: add pagerduty.com\/integration-key/,
      ),
    ).toBeInTheDocument();
  });

  it('shows no paging section for an entity without SLO alerts', async () => {
    await renderWithEntity(<EntityObservabilityCard />, {
      entity: annotatedEntity,
    });
    await screen.findByRole('region', { name: 'Signals' });
    expect(
      screen.queryByRole('region', { name: 'Who gets paged' }),
    ).not.toBeInTheDocument();
  });

  it("says what it made of the panels and of Roadie's and the Grafana plugin's annotations", async () => {
    server.use(
      http.get(`${ENTITY_PATH}/config`, () =>
        HttpResponse.json({
          ...configResponse,
          spec: {
            ...configResponse.spec,
            panels: [
              {
                title: 'process_resident_memory_bytes',
                query:
                  'process_resident_memory_bytes{backstage_entity="component:default/checkout"}',
                unit: 'short',
                kind: 'line',
                source: 'prometheus.io/rule',
              },
            ],
            imported: { alerts: { all: true } },
          },
        }),
      ),
    );
    await renderWithEntity(<EntityObservabilityCard />, {
      entity: annotatedEntity,
    });

    const signals = await screen.findByRole('region', { name: 'Signals' });
    expect(
      within(signals).getByText("1 panel, confined to this entity's series"),
    ).toBeInTheDocument();
    expect(
      within(signals).getByText(
        'every active alert of the entity, on the Metrics tab',
      ),
    ).toBeInTheDocument();
  });

  it('shows firing alerts and provisioning status per sink', async () => {
    await renderWithEntity(<EntityObservabilityCard />, {
      entity: annotatedEntity,
    });

    expect(
      await screen.findByText('SLOErrorBudgetBurn · availability · page'),
    ).toBeInTheDocument();
    const provisioning = screen.getByRole('region', { name: 'Provisioning' });
    expect(
      within(provisioning).getByText('kubernetes: provisioned'),
    ).toBeInTheDocument();
    expect(
      within(provisioning).getByText('grafana: failed'),
    ).toBeInTheDocument();
    expect(
      within(provisioning).getByText(/Grafana answered 412: version conflict/),
    ).toBeInTheDocument();
  });

  it('keeps the card when the status routes fail, naming the upstream', async () => {
    server.use(
      http.get(`${ENTITY_PATH}/slos`, () =>
        HttpResponse.json(upstreamErrorBody('prometheus', 'query timed out'), {
          status: 502,
        }),
      ),
      http.get(
        `${ENTITY_PATH}/provisioning`,
        () => new HttpResponse('Not Found', { status: 404 }),
      ),
    );

    await renderWithEntity(<EntityObservabilityCard />, {
      entity: annotatedEntity,
    });

    expect(
      await screen.findByText(
        'SLO status unavailable — Prometheus: query timed out (502)',
      ),
    ).toBeInTheDocument();
    expect(
      await screen.findByText(/Provisioning status unavailable — .*404/),
    ).toBeInTheDocument();
    const table = screen.getByRole('table', { name: 'SLOs' });
    expect(within(table).getByText('99.9% / 30d')).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Signals' })).toBeInTheDocument();
  });

  it('shows an error panel when the configuration cannot be loaded', async () => {
    server.use(
      http.get(`${ENTITY_PATH}/config`, () =>
        HttpResponse.json(
          {
            error: { name: 'NotFoundError', message: 'entity not found' },
            response: { statusCode: 404 },
          },
          { status: 404 },
        ),
      ),
    );

    await renderWithEntity(<EntityObservabilityCard />, {
      entity: annotatedEntity,
    });

    expect(
      await screen.findByText(
        /Could not load the observability configuration: entity not found/,
      ),
    ).toBeInTheDocument();
  });

  it('shows the annotations to add on an entity without Lookout annotations', async () => {
    await renderWithEntity(<EntityObservabilityCard />, {
      entity: plainEntity,
    });

    expect(screen.getByText('No Lookout annotations')).toBeInTheDocument();
    const table = screen.getByRole('table', { name: 'Lookout annotations' });
    for (const annotation of [
      'lookout.dev/metrics-port',
      'lookout.dev/slo-availability',
      'lookout.dev/slos',
      'lookout.dev/logs-selector',
      'lookout.dev/traces-service',
    ]) {
      expect(within(table).getByText(annotation)).toBeInTheDocument();
    }
    expect(
      screen.getByText(
        textContentMatcher('lookout.dev/slo-latency: "99% < 300ms"'),
      ),
    ).toBeInTheDocument();
  });
});
