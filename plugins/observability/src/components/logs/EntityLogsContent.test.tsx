import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { registerMswTestHooks } from '@backstage/test-utils';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  annotatedEntity,
  ENTITY_PATH,
  logEntry,
  TRACE_ID,
  upstreamErrorBody,
} from '../../__testUtils__/fixtures';
import { defaultHandlers } from '../../__testUtils__/handlers';
import { renderWithEntity } from '../../__testUtils__/renderWithEntity';
import { EntityLogsContent } from './EntityLogsContent';

const LOGS_URL = '/catalog/default/component/checkout/logs';

/** Renders the tab (`element`) on checkout's entity page at `url`. */
function renderLogsTab(element = <EntityLogsContent />, url = LOGS_URL) {
  return renderWithEntity(element, {
    entity: annotatedEntity,
    path: '/catalog/:namespace/:kind/:name/logs',
    url,
  });
}

/** Types `text` into the LogQL pipeline field. */
function typePipeline(text: string) {
  return userEvent.type(screen.getByLabelText('LogQL pipeline'), text);
}

describe('EntityLogsContent', () => {
  const server = setupServer(...defaultHandlers);
  registerMswTestHooks(server);

  /** Records the query parameters of every logs request. */
  function recordLogQueries() {
    const queries: URLSearchParams[] = [];
    server.use(
      http.get(`${ENTITY_PATH}/logs`, ({ request }) => {
        queries.push(new URL(request.url).searchParams);
        return HttpResponse.json({
          entityRef: 'x',
          items: [logEntry(1)],
          stats: {},
        });
      }),
    );
    return queries;
  }

  it('renders the lines with their trace id linked to the Traces tab', async () => {
    await renderLogsTab();

    expect(await screen.findByText('cart loaded')).toBeInTheDocument();
    const link = screen.getByRole('link', { name: `Open trace ${TRACE_ID}` });
    expect(link).toHaveTextContent(TRACE_ID);
    expect(link).toHaveAttribute(
      'href',
      `/catalog/default/component/checkout/traces?traceId=${TRACE_ID}`,
    );
    expect(screen.getByRole('status')).toHaveTextContent('2 of 2 lines');
  });

  it('reports an invalid LogQL pipeline as you type and does not run it', async () => {
    const queries = recordLogQueries();
    await renderLogsTab();
    await screen.findByRole('list', { name: 'Log lines' });

    await typePipeline('| json | level=');

    expect(
      screen.getByText(
        'filter is incomplete: the LogQL pipeline ends too early (column 16)',
      ),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('LogQL pipeline')).toHaveAttribute(
      'aria-invalid',
      'true',
    );
    expect(screen.getByRole('button', { name: 'Run' })).toBeDisabled();
    await typePipeline('{enter}');
    expect(queries).toHaveLength(1);
  });

  it('runs a valid pipeline with the chosen order and limit', async () => {
    const queries = recordLogQueries();
    await renderLogsTab();
    await screen.findByRole('list', { name: 'Log lines' });

    await typePipeline('|= "timeout" | json{enter}');
    await waitFor(() => expect(queries).toHaveLength(2));
    await userEvent.click(screen.getByLabelText('Order'));
    await userEvent.click(
      await screen.findByRole('option', { name: 'Oldest first' }),
    );
    await waitFor(() => expect(queries).toHaveLength(3));

    expect(queries[0].get('filter')).toBeNull();
    expect(queries[0].get('direction')).toBe('backward');
    expect(queries[0].get('limit')).toBe('1000');
    expect(Number(queries[0].get('to')) - Number(queries[0].get('from'))).toBe(
      3_600_000,
    );
    expect(queries[1].get('filter')).toBe('|= "timeout" | json');
    expect(queries[2].get('filter')).toBe('|= "timeout" | json');
    expect(queries[2].get('direction')).toBe('forward');
  });

  it('opens on the logs of a trace from ?traceId=&from=&to=', async () => {
    const queries = recordLogQueries();

    await renderLogsTab(
      <EntityLogsContent />,
      `${LOGS_URL}?traceId=${TRACE_ID}&from=1000&to=2000`,
    );

    await screen.findByRole('list', { name: 'Log lines' });
    expect(screen.getByLabelText('LogQL pipeline')).toHaveValue(
      `|= "${TRACE_ID}"`,
    );
    expect(queries[0].get('filter')).toBe(`|= "${TRACE_ID}"`);
    expect(queries[0].get('from')).toBe('1000');
    expect(queries[0].get('to')).toBe('2000');
  });

  it('expands a line to show its labels', async () => {
    await renderLogsTab();
    await screen.findByText('cart loaded');

    const [first] = screen.getAllByRole('button', {
      name: 'Show line details',
    });
    await userEvent.click(first);

    const details = screen.getByRole('table', { name: 'Line details' });
    expect(within(details).getByText('service_name')).toBeInTheDocument();
    expect(within(details).getByText('checkout')).toBeInTheDocument();
    expect(
      within(details).getByText(new Date(logEntry(0).timestamp).toISOString()),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Hide line details' }),
    ).toHaveAttribute('aria-expanded', 'true');
  });

  it('keeps only the lines of the selected level', async () => {
    await renderLogsTab();
    await screen.findByText('cart loaded');

    await userEvent.click(screen.getByLabelText('Level'));
    await userEvent.click(await screen.findByRole('option', { name: 'error' }));

    expect(screen.queryByText('cart loaded')).not.toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('1 of 2 lines');
  });

  it('renders only the visible part of 5,000 lines', async () => {
    server.use(
      http.get(`${ENTITY_PATH}/logs`, () =>
        HttpResponse.json({
          entityRef: 'x',
          items: Array.from({ length: 5000 }, (_, i) => logEntry(i)),
          stats: {},
        }),
      ),
    );

    await renderLogsTab(<EntityLogsContent defaultLimit={5000} />);

    const list = await screen.findByRole('list', { name: 'Log lines' });
    const items = within(list).getAllByRole('listitem');
    expect(items.length).toBeGreaterThan(10);
    expect(items.length).toBeLessThan(100);
    expect(items[0]).toHaveAttribute('aria-setsize', '5000');
    expect(screen.getByText('GET /cart/0 200 12ms')).toBeInTheDocument();
    expect(
      screen.queryByText('GET /cart/4999 200 12ms'),
    ).not.toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent(
      '5,000 of 5,000 lines (limit reached)',
    );
  });

  it('names Loki when the logs cannot be loaded', async () => {
    server.use(
      http.get(`${ENTITY_PATH}/logs`, () =>
        HttpResponse.json(upstreamErrorBody('loki', 'no org id', 502), {
          status: 502,
        }),
      ),
    );

    await renderLogsTab();

    expect(
      await screen.findByText(
        /Loki is unavailable: could not load logs. no org id/,
      ),
    ).toBeInTheDocument();
  });

  it('says when nothing matched', async () => {
    server.use(
      http.get(`${ENTITY_PATH}/logs`, () =>
        HttpResponse.json({ entityRef: 'x', items: [], stats: {} }),
      ),
    );

    await renderLogsTab();

    expect(await screen.findByText('No log lines')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /\.jsonl/ })).toBeDisabled();
  });
});
