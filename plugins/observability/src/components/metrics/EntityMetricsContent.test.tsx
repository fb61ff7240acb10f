import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { registerMswTestHooks } from '@backstage/test-utils';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  annotatedEntity,
  ENTITY_PATH,
  metricsResponse,
  plainEntity,
  upstreamErrorBody,
} from '../../__testUtils__/fixtures';
import { defaultHandlers } from '../../__testUtils__/handlers';
import { renderWithEntity } from '../../__testUtils__/renderWithEntity';
import { EntityMetricsContent } from './EntityMetricsContent';

describe('EntityMetricsContent', () => {
  const server = setupServer(...defaultHandlers);
  registerMswTestHooks(server);

  it('charts the golden signals and says where they came from', async () => {
    await renderWithEntity(<EntityMetricsContent />, {
      entity: annotatedEntity,
    });

    const golden = await screen.findByRole('region', {
      name: 'Golden signals',
    });
    expect(
      within(golden).getByText('From the OpenTelemetry HTTP server metrics.'),
    ).toBeInTheDocument();
    expect(
      within(golden).getByRole('figure', {
        name: 'Request rate: 1 series: requests/s.',
      }),
    ).toBeInTheDocument();
    expect(
      within(golden).getByRole('figure', {
        name: 'Latency: 3 series: p50, p95, p99.',
      }),
    ).toBeInTheDocument();
  });

  it('shows the custom panels, the series left out and a failed panel', async () => {
    await renderWithEntity(<EntityMetricsContent />, {
      entity: annotatedEntity,
    });

    const panels = await screen.findByRole('region', { name: 'Panels' });
    expect(
      within(panels).getByRole('figure', {
        name: 'Revenue per minute: 2 series: DE, FR. 23 more series not shown.',
      }),
    ).toBeInTheDocument();
    expect(
      within(panels).getByText('23 more series not shown (the largest 2 are).'),
    ).toBeInTheDocument();
    expect(
      within(panels).getByRole('figure', {
        name: /^Queue depth: No data: prometheus: .* query timed out$/,
      }),
    ).toBeInTheDocument();
  });

  it('links the generated dashboard and the profiles', async () => {
    await renderWithEntity(<EntityMetricsContent />, {
      entity: annotatedEntity,
    });

    const nav = await screen.findByRole('navigation', {
      name: 'Metrics links',
    });
    expect(
      within(nav).getByRole('link', { name: /Generated Grafana dashboard/ }),
    ).toHaveAttribute(
      'href',
      'https://grafana.example.com/d/component_default_checkout',
    );
    expect(
      within(nav).getByRole('link', { name: /Profiles of checkout/ }),
    ).toHaveAttribute('href', 'https://pyroscope.example.com/?query=x');
  });

  it('asks the backend for the chosen time range', async () => {
    const ranges: number[] = [];
    server.use(
      http.get(`${ENTITY_PATH}/metrics`, ({ request }) => {
        const params = new URL(request.url).searchParams;
        ranges.push(Number(params.get('to')) - Number(params.get('from')));
        return HttpResponse.json(metricsResponse);
      }),
    );
    await renderWithEntity(<EntityMetricsContent />, {
      entity: annotatedEntity,
    });
    await screen.findByRole('region', { name: 'Golden signals' });

    await userEvent.click(screen.getByRole('button', { name: '7d' }));

    await screen.findByRole('region', { name: 'Golden signals' });
    expect(ranges).toEqual([86_400_000, 7 * 86_400_000]);
  });

  it('says why there are no golden signals and how to add a panel', async () => {
    server.use(
      http.get(`${ENTITY_PATH}/metrics`, () =>
        HttpResponse.json({
          ...metricsResponse,
          goldenSignals: undefined,
          goldenSignalsNote:
            'Request rate and Latency: no SLO of the entity and none of http_requests_total found.',
          panels: [],
          links: [],
        }),
      ),
    );
    await renderWithEntity(<EntityMetricsContent />, {
      entity: annotatedEntity,
    });

    expect(
      await screen.findByText(/Request rate and Latency: no SLO of the entity/),
    ).toBeInTheDocument();
    expect(screen.getByText(/No custom panels/)).toBeInTheDocument();
    expect(
      screen.getByText(/- title: Orders per second/).closest('pre'),
    ).toHaveTextContent(
      'query: sum(rate(shop_orders_total{backstage_entity="component:default/checkout"}[5m]))',
    );
  });

  it('names the upstream when the metrics cannot be loaded', async () => {
    server.use(
      http.get(`${ENTITY_PATH}/metrics`, () =>
        HttpResponse.json(
          upstreamErrorBody('prometheus', 'dial tcp: connection refused'),
          { status: 502 },
        ),
      ),
    );
    await renderWithEntity(<EntityMetricsContent />, {
      entity: annotatedEntity,
    });

    expect(
      await screen.findByText(
        /Prometheus is unavailable: could not load metrics. dial tcp: connection refused/,
      ),
    ).toBeInTheDocument();
  });

  it('shows which annotations to add on an entity without any', async () => {
    await renderWithEntity(<EntityMetricsContent />, { entity: plainEntity });

    expect(await screen.findByText('No metrics declared')).toBeInTheDocument();
    expect(screen.getAllByText('lookout.dev/panels').length).toBeGreaterThan(0);
  });
});
