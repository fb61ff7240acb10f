/*
 * The Logs and Traces tabs mark the releases of their time range.
 */
import { screen, within } from '@testing-library/react';
import { registerMswTestHooks } from '@backstage/test-utils';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { annotatedEntity, ENTITY_PATH } from '../../__testUtils__/fixtures';
import { defaultHandlers } from '../../__testUtils__/handlers';
import { releasesResponse } from '../../__testUtils__/releaseFixtures';
import { renderWithEntity } from '../../__testUtils__/renderWithEntity';
import { formatDateTime } from '../../lib/format';
import { EntityLogsContent } from '../logs/EntityLogsContent';
import { EntityTracesContent } from '../traces/EntityTracesContent';

describe('releases on the Logs and Traces tabs', () => {
  const server = setupServer(...defaultHandlers);
  registerMswTestHooks(server);

  /** `to − from` of the requests to `route`. */
  function spans(into: number[]) {
    return ({ request }: { request: Request }) => {
      const params = new URL(request.url).searchParams;
      into.push(Number(params.get('to')) - Number(params.get('from')));
    };
  }

  it.each([
    ['Logs', 'logs', <EntityLogsContent />],
    ['Traces', 'traces', <EntityTracesContent />],
  ] as const)(
    'the %s tab lists the releases of its own time range, each with time and link',
    async (_, route, element) => {
      const signal: number[] = [];
      const releases: number[] = [];
      server.events.on('request:start', ({ request }) => {
        const path = new URL(request.url).pathname;
        if (path.endsWith(`/${route}`)) spans(signal)({ request });
        if (path.endsWith('/releases')) spans(releases)({ request });
      });
      await renderWithEntity(element, {
        entity: annotatedEntity,
        path: `/catalog/:namespace/:kind/:name/${route}`,
        url: `/catalog/default/component/checkout/${route}`,
      });
      const list = await screen.findByRole('list', {
        name: 'Releases in this time range',
      });
      const items = within(list).getAllByRole('listitem');
      expect(items.map(item => item.textContent)).toEqual([
        `v1.4.2 · ${formatDateTime(releasesResponse.items[0].at)}`,
        `v1.4.1 · ${formatDateTime(releasesResponse.items[1].at)}`,
      ]);
      expect(within(items[0]).getByRole('link')).toHaveAttribute(
        'href',
        'https://ci.example.com/runs/42',
      );
      expect(releases).toEqual([signal[0]]);
      server.events.removeAllListeners();
    },
  );

  it('shows nothing when no release falls in the range', async () => {
    server.use(
      http.get(`${ENTITY_PATH}/releases`, () =>
        HttpResponse.json({ items: [] }),
      ),
    );
    await renderWithEntity(<EntityTracesContent />, {
      entity: annotatedEntity,
    });
    await screen.findByRole('table');
    expect(
      screen.queryByRole('list', { name: 'Releases in this time range' }),
    ).not.toBeInTheDocument();
  });
});
