/*
 * The entity's releases in a time range, fetched apart from the tab's own data so that a failure
 * to read them never hides the SLOs, logs or traces.
 */
import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { observabilityApiRef } from '../../api/ObservabilityApi';

/** Releases with `from ≤ at ≤ to` (epoch ms), newest first. */
export function useReleases(entityRef: string, from: number, to: number) {
  const api = useApi(observabilityApiRef);
  return useAsync(
    () => api.getReleases(entityRef, { from, to }),
    [api, entityRef, from, to],
  );
}
