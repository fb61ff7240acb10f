/*
 * Renders a component the way an entity page does: inside a test app, with a real
 * ObservabilityClient (its HTTP answered by msw) and the entity from an EntityProvider.
 */
import { ReactElement } from 'react';
import { Route, Routes } from 'react-router-dom';
import { Entity } from '@backstage/catalog-model';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import {
  MockFetchApi,
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { observabilityApiRef } from '../api/ObservabilityApi';
import { ObservabilityClient } from '../api/ObservabilityClient';
import { BACKEND } from './fixtures';

/** The client the tests use: real, over the global fetch that msw intercepts. */
export function testClient(): ObservabilityClient {
  return new ObservabilityClient({
    discoveryApi: mockApis.discovery({ baseUrl: BACKEND }),
    fetchApi: new MockFetchApi(),
  });
}

/** Options of {@link renderWithEntity}. */
export interface RenderWithEntityOptions {
  entity?: Entity;
  /** Mount the element at this route pattern (e.g. `/catalog/:namespace/:kind/:name/logs`). */
  path?: string;
  /** Initial URL. */
  url?: string;
}

/** Renders `element` for `entity` (none: outside any EntityProvider). */
export function renderWithEntity(
  element: ReactElement,
  options: RenderWithEntityOptions = {},
) {
  const routed = options.path ? (
    <Routes>
      <Route path={options.path} element={element} />
      <Route path="*" element={<div>Navigated away</div>} />
    </Routes>
  ) : (
    element
  );
  return renderInTestApp(
    <TestApiProvider apis={[[observabilityApiRef, testClient()]]}>
      {options.entity ? (
        <EntityProvider entity={options.entity}>{routed}</EntityProvider>
      ) : (
        routed
      )}
    </TestApiProvider>,
    {
      routeEntries: options.url ? [options.url] : undefined,
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    },
  );
}
