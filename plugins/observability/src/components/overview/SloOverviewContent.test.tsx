import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { registerMswTestHooks } from '@backstage/test-utils';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  API,
  sloSummaries,
  upstreamErrorBody,
} from '../../__testUtils__/fixtures';
import { defaultHandlers } from '../../__testUtils__/handlers';
import { renderWithEntity } from '../../__testUtils__/renderWithEntity';
import { SloOverviewContent } from './SloOverviewContent';
import { SloOverviewPage } from './SloOverviewPage';

describe('SloOverviewContent', () => {
  const server = setupServer(...defaultHandlers);
  registerMswTestHooks(server);

  const sloNames = () =>
    within(screen.getByRole('table', { name: 'Service level objectives' }))
      .getAllByRole('row')
      .slice(1)
      .map(row => within(row).getAllByRole('cell')[1].textContent);

  it('lists every SLO with objective, budget and state, worst first', async () => {
    await renderWithEntity(<SloOverviewContent />);

    await screen.findByRole('table', { name: 'Service level objectives' });
    expect(sloNames()).toEqual(['latency', 'availability']);
    expect(screen.getByText('Budget exhausted')).toBeInTheDocument();
    expect(screen.getByText('62.5%')).toBeInTheDocument();
    expect(screen.getByText('99.9%')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'availability' })).toHaveAttribute(
      'href',
      '/catalog/default/component/checkout/slos',
    );
  });

  it('asks the backend for the SLOs of the chosen owner', async () => {
    const owners: Array<string | null> = [];
    server.use(
      http.get(`${API}/slos`, ({ request }) => {
        const owner = new URL(request.url).searchParams.get('owner');
        owners.push(owner);
        const items = sloSummaries.items.filter(
          item => !owner || item.owner === owner,
        );
        return HttpResponse.json({
          ...sloSummaries,
          items,
          totalItems: items.length,
        });
      }),
    );
    await renderWithEntity(<SloOverviewContent />);
    await screen.findByRole('table', { name: 'Service level objectives' });

    await userEvent.type(
      screen.getByLabelText('Owner'),
      'group:default/team-b{enter}',
    );

    await waitFor(() => expect(sloNames()).toEqual(['latency']));
    expect(owners).toEqual([null, 'group:default/team-b']);
  });

  it('sorts by budget remaining', async () => {
    await renderWithEntity(<SloOverviewContent />);
    await screen.findByRole('table', { name: 'Service level objectives' });

    await userEvent.click(
      screen.getByRole('button', { name: 'Budget remaining' }),
    );
    expect(sloNames()).toEqual(['latency', 'availability']);
    await userEvent.click(
      screen.getByRole('button', { name: 'Budget remaining' }),
    );
    expect(sloNames()).toEqual(['availability', 'latency']);
  });

  it('pages through the catalog with offset and limit', async () => {
    const pages: Array<[string | null, string | null]> = [];
    server.use(
      http.get(`${API}/slos`, ({ request }) => {
        const params = new URL(request.url).searchParams;
        pages.push([params.get('offset'), params.get('limit')]);
        return HttpResponse.json({ ...sloSummaries, totalItems: 60 });
      }),
    );
    await renderWithEntity(<SloOverviewContent />);
    await screen.findByRole('table', { name: 'Service level objectives' });

    await userEvent.click(screen.getByRole('button', { name: 'Next page' }));

    await waitFor(() =>
      expect(pages).toEqual([
        ['0', '25'],
        ['25', '25'],
      ]),
    );
  });

  it('says who owns no SLO', async () => {
    await renderWithEntity(<SloOverviewContent owner="group:default/nobody" />);

    expect(
      await screen.findByText('No SLOs owned by group:default/nobody'),
    ).toBeInTheDocument();
  });

  it('names the upstream on failure', async () => {
    server.use(
      http.get(`${API}/slos`, () =>
        HttpResponse.json(upstreamErrorBody('prometheus', 'too many samples'), {
          status: 502,
        }),
      ),
    );

    await renderWithEntity(<SloOverviewContent />);

    expect(
      await screen.findByText(
        /Prometheus is unavailable: could not load SLOs. too many samples/,
      ),
    ).toBeInTheDocument();
  });

  it('renders as a full page with a header', async () => {
    await renderWithEntity(<SloOverviewPage />);

    expect(
      screen.getByRole('heading', { name: 'Service level objectives' }),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('table', { name: 'Service level objectives' }),
    ).toBeInTheDocument();
  });
});
