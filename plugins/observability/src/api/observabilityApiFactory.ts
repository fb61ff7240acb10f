/*
 * The ObservabilityClient as `observabilityApiRef`, over the app's discovery and fetch APIs: one
 * factory for the legacy plugin (plugin.ts) and the new frontend system's ApiBlueprint (alpha.tsx).
 */
import {
  createApiFactory,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import { observabilityApiRef } from './ObservabilityApi';
import { ObservabilityClient } from './ObservabilityClient';

/** Builds the {@link ObservabilityClient} for `observabilityApiRef`. */
export const observabilityApiFactory = createApiFactory({
  api: observabilityApiRef,
  deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
  factory: ({ discoveryApi, fetchApi }) =>
    new ObservabilityClient({ discoveryApi, fetchApi }),
});
