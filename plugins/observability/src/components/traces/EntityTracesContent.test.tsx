import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { registerMswTestHooks } from '@backstage/test-utils';
import { TraceSpan } from '@lookout/plugin-observability-common';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  annotatedEntity,
  ENTITY_PATH,
  NOW,
  TRACE_ID,
  upstreamErrorBody,
} from '../../__testUtils__/fixtures';
import { defaultHandlers } from '../../__testUtils__/handlers';
import { renderWithEntity } from '../../__testUtils__/renderWithEntity';
import { EntityTracesContent } from './EntityTracesContent';

const TRACES_URL = '/catalog/default/component/checkout/traces';
const ON_ENTITY_PAGE = {
  entity: annotatedEntity,
  path: '/catalog/:namespace/:kind/:name/traces',
};

describe('EntityTracesContent', () => {
  const server = setupServer(...defaultHandlers);
  registerMswTestHooks(server);

  it('lists the traces found with root span, duration, spans and errors', async () => {
    await renderWithEntity(<EntityTracesContent />, {
      ...ON_ENTITY_PAGE,
      url: TRACES_URL,
    });

    const table = await screen.findByRole('table', { name: 'Traces' });
    const [row] = within(table).getAllByRole('row').slice(1);
    const cells = within(row)
      .getAllByRole('cell')
      .map(cell => cell.textContent);
    expect(cells.slice(0, 5)).toEqual([
      TRACE_ID,
      'checkout: POST /checkout',
      '1.23 s',
      '3',
      '1',
    ]);
  });

  it('reports an invalid TraceQL condition as you type and runs a valid one', async () => {
    const queries: URLSearchParams[] = [];
    server.use(
      http.get(`${ENTITY_PATH}/traces`, ({ request }) => {
        queries.push(new URL(request.url).searchParams);
        return HttpResponse.json({ entityRef: 'x', items: [] });
      }),
    );
    await renderWithEntity(<EntityTracesContent />, {
      ...ON_ENTITY_PAGE,
      url: TRACES_URL,
    });
    await screen.findByText('No traces');
    const input = screen.getByLabelText('TraceQL condition');

    await userEvent.type(input, 'status = ');
    expect(
      screen.getByText(
        'q is incomplete: the TraceQL condition ends too early (column 10)',
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Run' })).toBeDisabled();

    await userEvent.type(input, 'error && duration > 1s{enter}');
    await waitFor(() => expect(queries).toHaveLength(2));
    expect(queries[0].get('q')).toBeNull();
    expect(queries[1].get('q')).toBe('status = error && duration > 1s');
    expect(queries[1].get('limit')).toBe('20');
  });

  it('opens a trace from ?traceId= as a waterfall of its spans', async () => {
    await renderWithEntity(<EntityTracesContent />, {
      ...ON_ENTITY_PAGE,
      url: `${TRACES_URL}?traceId=${TRACE_ID}`,
    });

    const tree = await screen.findByRole('tree', { name: 'Spans' });
    const items = within(tree).getAllByRole('treeitem');
    expect(items.map(item => item.getAttribute('aria-label'))).toEqual([
      'checkout POST /checkout 1.23 s',
      'postgres SELECT cart 40 ms',
      'payments charge card 1.1 s error',
    ]);
    expect(items.map(item => item.getAttribute('aria-level'))).toEqual([
      '1',
      '2',
      '2',
    ]);
  });

  it('collapses and expands a span subtree', async () => {
    await renderWithEntity(<EntityTracesContent />, {
      ...ON_ENTITY_PAGE,
      url: `${TRACES_URL}?traceId=${TRACE_ID}`,
    });
    const tree = await screen.findByRole('tree', { name: 'Spans' });

    await userEvent.click(
      within(tree).getByRole('button', { name: 'Collapse POST /checkout' }),
    );
    expect(within(tree).getAllByRole('treeitem')).toHaveLength(1);
    expect(within(tree).getByRole('treeitem')).toHaveAttribute(
      'aria-expanded',
      'false',
    );

    await userEvent.click(
      within(tree).getByRole('button', { name: 'Expand POST /checkout' }),
    );
    expect(within(tree).getAllByRole('treeitem')).toHaveLength(3);
  });

  it('shows the selected span with its status, attributes and events', async () => {
    await renderWithEntity(<EntityTracesContent />, {
      ...ON_ENTITY_PAGE,
      url: `${TRACES_URL}?traceId=${TRACE_ID}`,
    });
    const tree = await screen.findByRole('tree', { name: 'Spans' });
    const details = () => screen.getByRole('region', { name: 'Span details' });
    expect(within(details()).getByText('http.status_code')).toBeInTheDocument();
    expect(within(details()).getByText('502')).toBeInTheDocument();

    await userEvent.click(
      within(tree).getByRole('button', { name: 'payments charge card' }),
    );

    expect(
      within(details()).getByRole('heading', { name: 'charge card' }),
    ).toBeInTheDocument();
    expect(
      within(details()).getByText('error: upstream 502'),
    ).toBeInTheDocument();
    expect(
      within(details()).getByText('exception at +1.09 s'),
    ).toBeInTheDocument();
    expect(
      within(details()).getByText('exception.type=Timeout'),
    ).toBeInTheDocument();
  });

  it('links to the logs of the trace over its time window', async () => {
    await renderWithEntity(<EntityTracesContent />, {
      ...ON_ENTITY_PAGE,
      url: `${TRACES_URL}?traceId=${TRACE_ID}`,
    });

    const link = await screen.findByRole('link', {
      name: 'Logs of this trace',
    });
    const start = NOW - 120_000;
    expect(link).toHaveAttribute(
      'href',
      `/catalog/default/component/checkout/logs?traceId=${TRACE_ID}&from=${
        start - 60_000
      }&to=${start + 1234 + 60_000}`,
    );
  });

  it('opens a trace from the results and goes back to the search', async () => {
    await renderWithEntity(<EntityTracesContent />, {
      ...ON_ENTITY_PAGE,
      url: TRACES_URL,
    });

    await userEvent.click(
      await screen.findByRole('link', { name: `Open trace ${TRACE_ID}` }),
    );
    expect(
      await screen.findByRole('tree', { name: 'Spans' }),
    ).toBeInTheDocument();

    await userEvent.click(
      screen.getByRole('button', { name: 'Back to search' }),
    );
    expect(
      await screen.findByRole('table', { name: 'Traces' }),
    ).toBeInTheDocument();
  });

  it('renders only the visible rows of a 10,000-span trace', async () => {
    const spans: TraceSpan[] = Array.from({ length: 10_000 }, (_, i) => ({
      spanId: i.toString(16).padStart(16, '0'),
      parentSpanId: i === 0 ? undefined : '0000000000000000',
      service: 'checkout',
      name: `span ${i}`,
      kind: 'internal',
      start: NOW + i,
      durationNs: 1e6,
      status: 'unset',
      attributes: {},
    }));
    server.use(
      http.get(`${ENTITY_PATH}/traces/:traceId`, () =>
        HttpResponse.json({ traceId: TRACE_ID, spans }),
      ),
    );

    await renderWithEntity(<EntityTracesContent />, {
      ...ON_ENTITY_PAGE,
      url: `${TRACES_URL}?traceId=${TRACE_ID}`,
    });

    const tree = await screen.findByRole('tree', { name: 'Spans' });
    const items = within(tree).getAllByRole('treeitem');
    expect(items.length).toBeGreaterThan(10);
    expect(items.length).toBeLessThan(100);
    expect(screen.getByText(/10,000 spans/)).toBeInTheDocument();
  });

  it('names Tempo when traces cannot be searched', async () => {
    server.use(
      http.get(`${ENTITY_PATH}/traces`, () =>
        HttpResponse.json(upstreamErrorBody('tempo', 'search timed out', 504), {
          status: 504,
        }),
      ),
    );

    await renderWithEntity(<EntityTracesContent />, {
      ...ON_ENTITY_PAGE,
      url: TRACES_URL,
    });

    expect(
      await screen.findByText(
        /Tempo is unavailable: could not load traces. search timed out/,
      ),
    ).toBeInTheDocument();
  });

  it('says when a trace does not exist', async () => {
    await renderWithEntity(<EntityTracesContent />, {
      ...ON_ENTITY_PAGE,
      url: `${TRACES_URL}?traceId=${'0'.repeat(32)}`,
    });

    expect(
      await screen.findByText(/Could not load trace 0{32}: trace not found/),
    ).toBeInTheDocument();
  });
});
