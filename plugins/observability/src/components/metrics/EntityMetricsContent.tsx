/*
 * The Metrics tab: golden signals, custom PromQL panels, links to dashboards and profiles, and
 * the alerts of Roadie's `prometheus.io/alert`, over the chosen time range, from one request to
 * the backend (which runs every query, confined to the entity); the entity's releases of that
 * range, from a second request, are marked on every chart.
 */
import { useMemo, useState } from 'react';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
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
import { MissingAnnotationsPanel } from '../shared/MissingAnnotationsPanel';
import { SignalErrorPanel } from '../shared/SignalErrorPanel';
import { TimeRangePicker } from '../shared/TimeRangePicker';
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
  const { entity } = useEntity();
  const [range, setRange] = useState<TimeRange>(
    props.defaultRange ?? { preset: '1d' },
  );
  if (!hasMetricsTab(entity)) {
    return (
      <MissingAnnotationsPanel
        title="No metrics declared"
        annotations={[ANNOTATION_METRICS_PORT, ANNOTATION_PANELS]}
      />
    );
  }
  return (
    <Box>
      <Box
        display="flex"
        alignItems="center"
        justifyContent="space-between"
        mb={2}
      >
        <Typography variant="h5" component="h2">
          Metrics
        </Typography>
        <TimeRangePicker value={range} onChange={setRange} />
      </Box>
      <MetricsBody entityRef={stringifyEntityRef(entity)} range={range} />
    </Box>
  );
}
