/*
 * The SLOs tab: every SLO of the entity with tiles, charts over the chosen time range, burn
 * rates, alerts and links, from one request to the backend. With many SLOs only the ones that
 * need attention start expanded.
 */
import { useMemo } from 'react';
import { EmptyState, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import {
  ANNOTATION_OPENSLO,
  ANNOTATION_SLO_AVAILABILITY,
  ANNOTATION_SLO_LATENCY,
  ANNOTATION_SLOS,
  hasSlos,
} from '@lookout/plugin-observability-common';
import { observabilityApiRef } from '../../api/ObservabilityApi';
import { sloState } from '../../lib/sloState';
import { resolveTimeRange, TimeRange } from '../../lib/timeRange';
import { useRefreshingAsync } from '../../lib/useRefreshingAsync';
import { SignalErrorPanel } from '../shared/SignalErrorPanel';
import { RangedEntityTab } from '../shared/RangedEntityTab';
import { SloPanel } from './SloPanel';
import { WhoGetsPaged } from '../shared/WhoGetsPaged';

import { ReleasesSection } from '../releases/ReleasesSection';
import { useReleases } from '../releases/useReleases';

/** Props of {@link EntitySlosContent}. @public */
export interface EntitySlosContentProps {
  /** Initial time range of the charts; default the last 30 days. */
  defaultRange?: TimeRange;
  /**
   * How often the open tab loads the SLOs again (relative ranges move with the clock), in
   * milliseconds; default 30 seconds, 0 never.
   */
  refreshIntervalMs?: number;
}

/** Annotations that declare SLOs, for the empty state. */
const SLO_ANNOTATIONS = [
  ANNOTATION_SLO_AVAILABILITY,
  ANNOTATION_SLO_LATENCY,
  ANNOTATION_SLOS,
  ANNOTATION_OPENSLO,
];

/** Up to this many SLOs, all panels start expanded. */
const EXPAND_ALL_UP_TO = 3;

/** Default of {@link EntitySlosContentProps.refreshIntervalMs}. */
const REFRESH_INTERVAL_MS = 30_000;

function SlosBody(props: {
  entityRef: string;
  range: TimeRange;
  refreshIntervalMs: number;
}) {
  const api = useApi(observabilityApiRef);
  const { entityRef, range } = props;
  const { from, to } = useMemo(
    () => resolveTimeRange(range, Date.now()),
    [range],
  );
  const { value, loading, error } = useRefreshingAsync(
    now => api.getSlos(entityRef, resolveTimeRange(range, now)),
    [api, entityRef, range],
    props.refreshIntervalMs,
  );
  const releases = useReleases(entityRef, from, to);

  if (loading) {
    return <Progress />;
  }
  if (error || !value) {
    return (
      <SignalErrorPanel
        what="SLO status"
        error={error ?? new Error('empty response')}
      />
    );
  }
  if (value.items.length === 0) {
    return (
      <EmptyState
        missing="data"
        title="No SLO status yet"
        description="The SLOs are declared, but the backend has no status for them yet: the rules may not be provisioned or evaluated so far."
      />
    );
  }
  const expandAll = value.items.length <= EXPAND_ALL_UP_TO;
  return (
    <>
      {value.paging && (
        <Box mb={2} component="section" aria-label="Who gets paged">
          <WhoGetsPaged paging={value.paging} />
        </Box>
      )}
      {value.items.map(status => (
        <SloPanel
          key={status.name}
          status={status}
          defaultExpanded={expandAll || sloState(status) !== 'ok'}
          releases={releases.value?.items}
        />
      ))}
      <ReleasesSection {...releases} />
    </>
  );
}

/**
 * Entity content tab with the status of the entity's SLOs; shows which annotations to add when
 * the entity declares none.
 * @public
 */
export function EntitySlosContent(props: EntitySlosContentProps) {
  return (
    <RangedEntityTab
      title="Service level objectives"
      defaultRange={props.defaultRange ?? { preset: '30d' }}
      declared={hasSlos}
      missing={{ title: 'No SLOs declared', annotations: SLO_ANNOTATIONS }}
    >
      {(entityRef, range) => (
        <SlosBody
          entityRef={entityRef}
          range={range}
          refreshIntervalMs={props.refreshIntervalMs ?? REFRESH_INTERVAL_MS}
        />
      )}
    </RangedEntityTab>
  );
}
