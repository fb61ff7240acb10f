/*
 * Releases on the Metrics tab: a vertical marker with the version on every chart (golden signals
 * and custom panels) for a release inside the charts' time range, none for one outside, over the
 * real client and msw.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { registerMswTestHooks } from '@backstage/test-utils';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  annotatedEntity,
  ENTITY_PATH,
  upstreamErrorBody,
} from '../../__testUtils__/fixtures';
import { withChartLayout } from '../../__testUtils__/chartLayout';
import { defaultHandlers } from '../../__testUtils__/handlers';
import { releasesResponse } from '../../__testUtils__/releaseFixtures';
import { renderWithEntity } from '../../__testUtils__/renderWithEntity';
import { formatDateTime } from '../../lib/format';
import { EntityMetricsContent } from './EntityMetricsContent';

/** The charts of the tab that have data (the fixture's "Queue depth" panel failed). */
const CHARTS_WITH_DATA = [
  'Request rate',
  'Error ratio',
  'Latency',
  'Revenue per minute',
];

function chart(title: string): HTMLElement {
  return screen.getByRole('figure', { name: new RegExp(`^${title}: `) });
}

describe('releases on the Metrics tab', () => {
  const server = setupServer(...defaultHandlers);
  registerMswTestHooks(server);
  withChartLayout();

  it('marks the release inside the charts’ range on every chart, with version, time and link', async () => {
    // The fixture's charts span the two hours before NOW: v1.4.2 (90 minutes back) is inside,
    // v1.4.1 (five days back) is not.
    await renderWithEntity(<EntityMetricsContent />, {
      entity: annotatedEntity,
    });
    await screen.findByRole('region', { name: 'Panels' });
    const release = releasesResponse.items[0];
    const title = `Release v1.4.2 · ${formatDateTime(
      release.at,
    )} · https://ci.example.com/runs/42`;
    for (const name of CHARTS_WITH_DATA) {
      await waitFor(() =>
        expect(
          within(chart(name)).getAllByTestId('release-marker'),
        ).toHaveLength(1),
      );
      const marker = within(chart(name)).getByTestId('release-marker');
      expect(marker).toHaveTextContent('v1.4.2');
      expect(marker).toHaveAttribute('aria-label', title);
      expect(marker.querySelector('a')).toHaveAttribute(
        'href',
        'https://ci.example.com/runs/42',
      );
    }
    expect(screen.queryByText('v1.4.1')).not.toBeInTheDocument();
  });

  it('draws no marker for a release outside the charts’ range', async () => {
    server.use(
      http.get(`${ENTITY_PATH}/releases`, () =>
        HttpResponse.json({ items: [releasesResponse.items[1]] }),
      ),
    );
    await renderWithEntity(<EntityMetricsContent />, {
      entity: annotatedEntity,
    });
    await screen.findByRole('region', { name: 'Panels' });
    // The charts are drawn (their lines are there) but carry no marker.
    await waitFor(() =>
      expect(
        chart('Request rate').querySelector('.recharts-line-curve'),
      ).not.toBeNull(),
    );
    expect(screen.queryAllByTestId('release-marker')).toEqual([]);
    expect(screen.queryByText('v1.4.1')).not.toBeInTheDocument();
  });

  it('keeps the charts when the releases cannot be read', async () => {
    server.use(
      http.get(`${ENTITY_PATH}/releases`, () =>
        HttpResponse.json(upstreamErrorBody('prometheus', 'boom'), {
          status: 502,
        }),
      ),
    );
    await renderWithEntity(<EntityMetricsContent />, {
      entity: annotatedEntity,
    });
    await screen.findByRole('region', { name: 'Panels' });
    for (const name of CHARTS_WITH_DATA) {
      expect(chart(name)).toBeInTheDocument();
    }
    expect(screen.queryAllByTestId('release-marker')).toEqual([]);
  });
});
