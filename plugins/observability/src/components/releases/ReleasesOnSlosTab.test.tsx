/*
 * Releases on the SLOs tab: markers on both charts of an SLO and the Releases table with each
 * release's impact, over the real client and msw.
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
import { EntitySlosContent } from '../slos/EntitySlosContent';

describe('releases on the SLOs tab', () => {
  const server = setupServer(...defaultHandlers);
  registerMswTestHooks(server);
  withChartLayout();

  it('marks the release inside the charts’ range on both charts, with version, time and link', async () => {
    await renderWithEntity(<EntitySlosContent />, { entity: annotatedEntity });
    const panel = await screen.findByRole('region', {
      name: 'SLO availability details',
    });
    const release = releasesResponse.items[0];
    const title = `Release v1.4.2 · ${formatDateTime(
      release.at,
    )} · https://ci.example.com/runs/42`;
    await waitFor(() =>
      expect(within(panel).getAllByTestId('release-marker')).toHaveLength(2),
    );
    for (const marker of within(panel).getAllByTestId('release-marker')) {
      expect(marker).toHaveAttribute('aria-label', title);
      expect(marker.querySelector('title')?.textContent).toBe(title);
      expect(marker.querySelector('a')).toHaveAttribute(
        'href',
        'https://ci.example.com/runs/42',
      );
      expect(marker).toHaveTextContent('v1.4.2');
    }
    // v1.4.1, five days back, lies outside the 3 hours of chart data: no marker.
    expect(within(panel).queryByText('v1.4.1')).not.toBeInTheDocument();
  });

  it('lists each release with its impact before and after, newest first', async () => {
    await renderWithEntity(<EntitySlosContent />, { entity: annotatedEntity });
    const table = await screen.findByRole('table', {
      name: 'Releases and their impact',
    });
    const headers = within(table)
      .getAllByRole('columnheader')
      .map(cell => cell.textContent);
    expect(headers).toEqual([
      'Release',
      'Time',
      'By',
      'SLO',
      'Error ratio 1h before → after',
      'Budget spent 1h before → after',
      'Error ratio 1d before → after',
      'Budget spent 1d before → after',
      'Effect',
    ]);
    const rows = within(table).getAllByRole('row').slice(1);
    /** A row's cells, separated by " | ". */
    const rowText = (row: HTMLElement) =>
      within(row)
        .getAllByRole('cell')
        .map(cell => cell.textContent)
        .join(' | ');
    const [newest, older] = releasesResponse.items;
    expect(rowText(rows[0])).toBe(
      `v1.4.2, Opens in a new window | ${formatDateTime(
        newest.at,
      )} | external:ci | availability | 0.03% → 1.2% | 0.042% → 1.667% | 0.03% → … | 1% → … | Burnt budget`,
    );
    expect(rowText(rows[1])).toBe(
      `v1.4.1fix | ${formatDateTime(
        older.at,
      )} | user:default/jane | availability | 0.04% → 0.03% | 0.055% → 0.042% | 0.04% → 0.03% | 1.33% → 1% | No regression`,
    );
    expect(
      within(rows[0]).getByRole('link', { name: /v1\.4\.2/ }),
    ).toHaveAttribute('href', 'https://ci.example.com/runs/42');
  });

  it('keeps the SLOs when the releases cannot be read', async () => {
    server.use(
      http.get(`${ENTITY_PATH}/releases`, () =>
        HttpResponse.json(upstreamErrorBody('prometheus', 'boom'), {
          status: 502,
        }),
      ),
    );
    await renderWithEntity(<EntitySlosContent />, { entity: annotatedEntity });
    await screen.findByRole('region', { name: 'SLO availability details' });
    expect(await screen.findByText(/Releases unavailable/)).toBeInTheDocument();
  });

  it('says how to record releases when there are none', async () => {
    server.use(
      http.get(`${ENTITY_PATH}/releases`, () =>
        HttpResponse.json({ items: [] }),
      ),
    );
    await renderWithEntity(<EntitySlosContent />, { entity: annotatedEntity });
    expect(
      await screen.findByText(/No release recorded in this time range/),
    ).toBeInTheDocument();
  });
});
