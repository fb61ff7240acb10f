/*
 * The Metrics tab: golden signals, custom PromQL panels, links to dashboards and profiles, and
 * the alerts of Roadie's `prometheus.io/alert`, over the chosen time range, from one request to
 * the backend (which runs every query, confined to the entity); the entity's releases of that
 * range, from a second request, are marked on every chart.
 */
import { useMemo } from 'react';
import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Typography from '@material-ui/core/Typography';
import {
  ANNOTATION_METRICS_PORT,
  ANNOTATION_PANELS,
  hasMetricsTab,
} from '@lookout/plugin-observability-common';
import useAsync from 'react-use/esm/useAsync';
import { observabilityApiRef } from '../../api/ObservabilityApi';
import { resolveTimeRange, TimeRange } from '../../lib/timeRange';
import { useReleases } from '../releases/useReleases';
import { SignalErrorPanel } from '../shared/SignalErrorPanel';
import { RangedEntityTab } from '../shared/RangedEntityTab';
import { CustomPanelsSection } from './CustomPanelsSection';
import { GoldenSignalsSection } from './GoldenSignalsSection';
import { MetricsAlerts } from './MetricsAlerts';
import { MetricsLinks } from './MetricsLinks';

/** Props of {@link EntityMetricsContent}. @public */
export interface EntityMetricsContentProps {
  /** Initial time range of the charts; default the last day. */
  defaultRange?: TimeRange;
}

function MetricsBody(props: { entityRef: string; range: TimeRange }) {
  const api = useApi(observabilityApiRef);
  const { entityRef, range } = props;
  const { from, to } = useMemo(
    () => resolveTimeRange(range, Date.now()),
    [range],
  );
  const { value, loading, error } = useAsync(
    () => api.getMetrics(entityRef, { from, to }),
    [api, entityRef, from, to],
  );
  // Fetched apart: the charts never wait for, nor fail with, the releases.
  const releases = useReleases(entityRef, from, to).value?.items;

  if (loading) {
    return <Progress />;
  }
  if (error || !value) {
    return (
      <SignalErrorPanel
        what="metrics"
        error={error ?? new Error('empty response')}
      />
    );
  }
  return (
    <>
      <MetricsLinks links={value.links} />
      <GoldenSignalsSection metrics={value} releases={releases} />
      <CustomPanelsSection
        panels={value.panels}
        entityRef={entityRef}
        releases={releases}
      />
      {value.alerts && <MetricsAlerts alerts={value.alerts} />}
      {value.warnings?.map(warning => (
        <Typography
          key={warning.message}
          variant="caption"
          color="textSecondary"
          component="p"
        >
          {warning.upstream}: {warning.message}
        </Typography>
      ))}
    </>
  );
}

/**
 * Entity content tab with the entity's golden signals and custom panels, the releases of the
 * time range marked on every chart; shows which
 * annotations to add when the entity has none Lookout reads.
 * @public
 */
export function EntityMetricsContent(props: EntityMetricsContentProps) {
  return (
    <RangedEntityTab
      title="Metrics"
      defaultRange={props.defaultRange ?? { preset: '1d' }}
      declared={hasMetricsTab}
      missing={{
        title: 'No metrics declared',
        annotations: [ANNOTATION_METRICS_PORT, ANNOTATION_PANELS],
      }}
    >
      {(entityRef, range) => (
        <MetricsBody entityRef={entityRef} range={range} />
      )}
    </RangedEntityTab>
  );
}
