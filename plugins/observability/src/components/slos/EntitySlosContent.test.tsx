import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { registerMswTestHooks } from '@backstage/test-utils';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  annotatedEntity,
  availabilityStatus,
  ENTITY_PATH,
  plainEntity,
  slosResponse,
  teamPaging,
  upstreamErrorBody,
} from '../../__testUtils__/fixtures';
import { defaultHandlers } from '../../__testUtils__/handlers';
import { renderWithEntity } from '../../__testUtils__/renderWithEntity';
import { EntitySlosContent } from './EntitySlosContent';

describe('EntitySlosContent', () => {
  const server = setupServer(...defaultHandlers);
  registerMswTestHooks(server);

  it('shows objective, error ratio, budget remaining and state tiles per SLO', async () => {
    await renderWithEntity(<EntitySlosContent />, { entity: annotatedEntity });

    const panel = await screen.findByRole('region', {
      name: 'SLO availability details',
    });
    const tile = (label: string) =>
      within(panel).getByRole('group', { name: label });
    expect(within(tile('Objective')).getByText('99.9%')).toBeInTheDocument();
    expect(within(tile('Error ratio')).getByText('0.038%')).toBeInTheDocument();
    expect(
      within(tile('Budget remaining')).getByText('62.5%'),
    ).toBeInTheDocument();
    expect(within(tile('State')).getByText('Alert firing')).toBeInTheDocument();
  });

  it('refreshes itself: an alert that starts firing while the tab is open shows without a reload', async () => {
    const quiet = { ...availabilityStatus, alerts: [] };
    let firing = false;
    server.use(
      http.get(`${ENTITY_PATH}/slos`, () =>
        HttpResponse.json({
          ...slosResponse,
          items: [firing ? availabilityStatus : quiet],
        }),
      ),
    );
    await renderWithEntity(<EntitySlosContent refreshIntervalMs={100} />, {
      entity: annotatedEntity,
    });

    const panel = await screen.findByRole('region', {
      name: 'SLO availability details',
    });
    expect(
      within(panel).getByText('No alert is firing or pending.'),
    ).toBeInTheDocument();
    firing = true;
    expect(
      await within(panel).findByText('Alert firing', {}, { timeout: 5000 }),
    ).toBeInTheDocument();
    // The panel stayed on screen during the refresh: no spinner replaced it.
    expect(panel).toBeInTheDocument();
  });

  it('says who gets paged, from the same response as the SLOs', async () => {
    server.use(
      http.get(`${ENTITY_PATH}/slos`, () =>
        HttpResponse.json({ ...slosResponse, paging: teamPaging }),
      ),
    );
    await renderWithEntity(<EntitySlosContent />, { entity: annotatedEntity });

    const section = await screen.findByRole('region', {
      name: 'Who gets paged',
    });
    expect(
      within(section).getByText(
        'pages → PagerDuty (team-shop), tickets → #shop-alerts',
      ),
    ).toBeInTheDocument();
  });

  it('shows the burn rates per tier with thresholds and the firing tier', async () => {
    await renderWithEntity(<EntitySlosContent />, { entity: annotatedEntity });

    const table = await screen.findByRole('table', {
      name: 'Burn rates of availability',
    });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(4);
    const cells = (row: HTMLElement) =>
      within(row)
        .getAllByRole('cell')
        .map(cell => cell.textContent);
    expect(cells(rows[0])).toEqual([
      'page',
      '1h',
      '5m',
      '14.4×',
      '15.2×',
      '20×',
      'Firing',
    ]);
    expect(cells(rows[1])).toEqual([
      'page',
      '6h',
      '30m',
      '6×',
      '2.1×',
      '3×',
      'Within budget',
    ]);
    expect(cells(rows[3])).toEqual([
      'ticket',
      '3d',
      '6h',
      // docs/slo-alerting.md: the slowest ticket tier burns at 1.1× (no tier at or below 1×)
      '1.1×',
      '0.4×',
      '2.1×',
      'Within budget',
    ]);
  });

  it('charts the budget burn-down and the error ratio, and lists alerts and links', async () => {
    await renderWithEntity(<EntitySlosContent />, { entity: annotatedEntity });

    const panel = await screen.findByRole('region', {
      name: 'SLO availability details',
    });
    expect(
      within(panel).getByRole('figure', {
        name: 'Error budget remaining: Budget burn-down from 70% to 62.5%',
      }),
    ).toBeInTheDocument();
    expect(
      within(panel).getByRole('figure', {
        name: 'Error ratio: Now 0.038%; the objective allows 0.1%',
      }),
    ).toBeInTheDocument();
    expect(
      within(panel).getByText(/SLOErrorBudgetBurn \(page\) — firing/),
    ).toBeInTheDocument();
    expect(
      within(panel).getByRole('link', { name: /Grafana dashboard/ }),
    ).toHaveAttribute('href', 'https://grafana.example.com/d/lookout-checkout');
    expect(
      within(panel).getByRole('link', { name: /Runbook/ }),
    ).toHaveAttribute('href', 'https://runbooks.example.com/checkout');
  });

  it('says when an SLO has no data yet', async () => {
    await renderWithEntity(<EntitySlosContent />, { entity: annotatedEntity });

    const panel = await screen.findByRole('region', {
      name: 'SLO latency details',
    });
    expect(within(panel).getByText(/No data yet/)).toBeInTheDocument();
    expect(
      within(panel).getByRole('group', { name: 'State' }),
    ).toHaveTextContent('No data');
  });

  it('asks the backend for the chosen time range', async () => {
    const ranges: number[] = [];
    server.use(
      http.get(`${ENTITY_PATH}/slos`, ({ request }) => {
        const params = new URL(request.url).searchParams;
        ranges.push(Number(params.get('to')) - Number(params.get('from')));
        return HttpResponse.json({
          entityRef: 'x',
          items: [availabilityStatus],
        });
      }),
    );
    await renderWithEntity(<EntitySlosContent />, { entity: annotatedEntity });
    await screen.findByRole('region', { name: 'SLO availability details' });

    await userEvent.click(screen.getByRole('button', { name: '6h' }));

    await screen.findByRole('region', { name: 'SLO availability details' });
    expect(ranges).toEqual([30 * 86_400_000, 6 * 3_600_000]);
  });

  it('starts only the SLOs that need attention expanded when there are many', async () => {
    const healthy = (name: string) => ({
      ...availabilityStatus,
      name,
      alerts: [],
      errorBudgetRemaining: 0.9,
    });
    server.use(
      http.get(`${ENTITY_PATH}/slos`, () =>
        HttpResponse.json({
          entityRef: 'x',
          items: [
            healthy('a'),
            healthy('b'),
            healthy('c'),
            availabilityStatus,
            healthy('e'),
          ],
        }),
      ),
    );

    await renderWithEntity(<EntitySlosContent />, { entity: annotatedEntity });

    expect(
      await screen.findByRole('button', { name: /^availability 99\.9%/ }),
    ).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByRole('button', { name: /^a 99\.9%/ })).toHaveAttribute(
      'aria-expanded',
      'false',
    );
    expect(screen.getAllByRole('table', { name: /Burn rates/ })).toHaveLength(
      1,
    );
  });

  it('names the upstream when the SLO status cannot be loaded', async () => {
    server.use(
      http.get(`${ENTITY_PATH}/slos`, () =>
        HttpResponse.json(
          upstreamErrorBody('prometheus', 'dial tcp: connection refused'),
          {
            status: 502,
          },
        ),
      ),
    );

    await renderWithEntity(<EntitySlosContent />, { entity: annotatedEntity });

    expect(
      await screen.findByText(
        /Prometheus is unavailable: could not load SLO status. dial tcp: connection refused/,
      ),
    ).toBeInTheDocument();
  });

  it('says so when the backend has no status yet', async () => {
    server.use(
      http.get(`${ENTITY_PATH}/slos`, () =>
        HttpResponse.json({ entityRef: 'x', items: [] }),
      ),
    );

    await renderWithEntity(<EntitySlosContent />, { entity: annotatedEntity });

    expect(await screen.findByText('No SLO status yet')).toBeInTheDocument();
  });

  it('shows the SLO annotations to add on an entity without SLOs', async () => {
    await renderWithEntity(<EntitySlosContent />, { entity: plainEntity });

    expect(screen.getByText('No SLOs declared')).toBeInTheDocument();
    const table = screen.getByRole('table', { name: 'Lookout annotations' });
    expect(
      within(table).getByText('lookout.dev/slo-availability'),
    ).toBeInTheDocument();
    expect(within(table).getByText('lookout.dev/slos')).toBeInTheDocument();
    expect(
      within(table).queryByText('lookout.dev/logs-selector'),
    ).not.toBeInTheDocument();
  });
});
