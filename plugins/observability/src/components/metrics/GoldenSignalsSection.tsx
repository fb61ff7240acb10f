/*
 * The golden signals of the Metrics tab (request rate, error ratio, latency p50/p95/p99), with
 * where they came from: the entity's SLO indicators, the OpenTelemetry HTTP server metrics or the
 * conventional Prometheus names.
 */
import Grid from '@material-ui/core/Grid';
import {
  EntityMetricsResponse,
  GoldenSignalsSource,
  Release,
} from '@lookout/plugin-observability-common';
import { MetricChart } from './MetricChart';
import { MetricsSection } from './MetricsSection';

const SOURCE_TEXT: Record<GoldenSignalsSource, string> = {
  slo: "the entity's SLO indicators",
  opentelemetry: 'the OpenTelemetry HTTP server metrics',
  prometheus: 'the conventional Prometheus HTTP metrics',
};

/** The three charts, or why there are none. */
export function GoldenSignalsSection(props: {
  metrics: EntityMetricsResponse;
  releases?: Release[];
}) {
  const { goldenSignals, goldenSignalsNote } = props.metrics;
  return (
    <MetricsSection
      title="Golden signals"
      notes={[
        goldenSignals &&
          `From ${goldenSignals.sources
            .map(s => SOURCE_TEXT[s])
            .join(' and ')}.`,
        goldenSignalsNote,
      ]}
    >
      {goldenSignals && (
        <Grid container spacing={2}>
          {goldenSignals.panels.map(panel => (
            <Grid item xs={12} md={4} key={panel.title}>
              <MetricChart panel={panel} releases={props.releases} />
            </Grid>
          ))}
        </Grid>
      )}
    </MetricsSection>
  );
}
