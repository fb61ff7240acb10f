/*
 * msw handlers serving the fixtures on the backend's routes, so that tests exercise the real
 * ObservabilityClient over HTTP.
 */
import { http, HttpResponse } from 'msw';
import {
  API,
  configResponse,
  logsResponse,
  metricsResponse,
  provisioningResponse,
  sloSummaries,
  slosResponse,
  traceResponse,
  tracesResponse,
} from './fixtures';
import { frozenGateResponse, releasesResponse } from './releaseFixtures';

const ENTITY = `${API}/entities/by-name/:kind/:namespace/:name`;

/** Every route answering with its fixture. */
export const defaultHandlers = [
  http.get(`${ENTITY}/config`, () => HttpResponse.json(configResponse)),
  http.get(`${ENTITY}/slos`, () => HttpResponse.json(slosResponse)),
  http.get(`${ENTITY}/provisioning`, () =>
    HttpResponse.json(provisioningResponse),
  ),
  http.get(`${ENTITY}/alerts`, () =>
    HttpResponse.json({ entityRef: 'component:default/checkout', items: [] }),
  ),
  http.get(`${ENTITY}/logs`, () => HttpResponse.json(logsResponse)),
  http.get(`${ENTITY}/metrics`, () => HttpResponse.json(metricsResponse)),

  http.get(`${ENTITY}/releases`, () => HttpResponse.json(releasesResponse)),
  http.get(`${ENTITY}/deploy-gate`, () =>
    HttpResponse.json(frozenGateResponse),
  ),
  http.get(`${ENTITY}/traces`, () => HttpResponse.json(tracesResponse)),
  http.get(`${ENTITY}/traces/:traceId`, ({ params }) =>
    params.traceId === traceResponse.traceId
      ? HttpResponse.json(traceResponse)
      : HttpResponse.json(
          {
            error: { name: 'NotFoundError', message: 'trace not found' },
            response: { statusCode: 404 },
          },
          { status: 404 },
        ),
  ),
  http.get(`${API}/slos`, ({ request }) => {
    const owner = new URL(request.url).searchParams.get('owner');
    const items = owner
      ? sloSummaries.items.filter(item => item.owner === owner)
      : sloSummaries.items;
    return HttpResponse.json({
      ...sloSummaries,
      items,
      totalItems: items.length,
    });
  }),
];
