/*
 * The overview card names the last release and the deploy gate's state.
 */
import { screen, within } from '@testing-library/react';
import { registerMswTestHooks } from '@backstage/test-utils';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  annotatedEntity,
  ENTITY_PATH,
  upstreamErrorBody,
} from '../../__testUtils__/fixtures';
import { defaultHandlers } from '../../__testUtils__/handlers';
import { releasesResponse } from '../../__testUtils__/releaseFixtures';
import { renderWithEntity } from '../../__testUtils__/renderWithEntity';
import { formatDateTime } from '../../lib/format';
import { EntityObservabilityCard } from './EntityObservabilityCard';

describe('the overview card’s Releases section', () => {
  const server = setupServer(...defaultHandlers);
  registerMswTestHooks(server);

  it('names the last release and says deploys are frozen, with the reason', async () => {
    const limits: Array<string | null> = [];
    server.events.on('request:start', ({ request }) => {
      const url = new URL(request.url);
      if (url.pathname.endsWith('/releases')) {
        limits.push(url.searchParams.get('limit'));
      }
    });
    await renderWithEntity(<EntityObservabilityCard />, {
      entity: annotatedEntity,
    });
    const section = await screen.findByRole('region', { name: 'Releases' });
    expect(
      await within(section).findByText(
        `Last release v1.4.2, ${formatDateTime(releasesResponse.items[0].at)}`,
      ),
    ).toBeInTheDocument();
    expect(
      await within(section).findByText(
        'Deploys frozen: SLO availability: -12% of the error budget left, exhausted',
      ),
    ).toBeInTheDocument();
    expect(limits).toEqual(['1']);
    server.events.removeAllListeners();
  });

  it('keeps the last release when the gate cannot be read', async () => {
    server.use(
      http.get(`${ENTITY_PATH}/deploy-gate`, () =>
        HttpResponse.json(upstreamErrorBody('prometheus', 'down'), {
          status: 502,
        }),
      ),
    );
    await renderWithEntity(<EntityObservabilityCard />, {
      entity: annotatedEntity,
    });
    const section = await screen.findByRole('region', { name: 'Releases' });
    expect(
      await within(section).findByText(/Deploy gate unavailable/),
    ).toBeInTheDocument();
    expect(
      within(section).getByText(/Last release v1\.4\.2/),
    ).toBeInTheDocument();
  });

  it('says when there has been no release, and that deploys are allowed', async () => {
    server.use(
      http.get(`${ENTITY_PATH}/releases`, () =>
        HttpResponse.json({ items: [] }),
      ),
      http.get(`${ENTITY_PATH}/deploy-gate`, () =>
        HttpResponse.json({
          entityRef: 'component:default/checkout',
          allowed: true,
          reasons: ['no SLO has its error budget exhausted'],
        }),
      ),
    );
    await renderWithEntity(<EntityObservabilityCard />, {
      entity: annotatedEntity,
    });
    const section = await screen.findByRole('region', { name: 'Releases' });
    expect(
      await within(section).findByText('No release in the last 90 days'),
    ).toBeInTheDocument();
    expect(
      await within(section).findByText('Deploys allowed'),
    ).toBeInTheDocument();
  });
});
