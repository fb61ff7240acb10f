/*
 * The custom panels of the Metrics tab (`lookout.dev/panels`, Roadie's `prometheus.io/rule`), or
 * how to declare one.
 */
import Grid from '@material-ui/core/Grid';
import { CodeSnippet } from '@backstage/core-components';
import { MetricPanel, Release } from '@lookout/plugin-observability-common';
import { MetricChart } from './MetricChart';
import { MetricsSection } from './MetricsSection';

function example(entityRef: string): string {
  return `metadata:
  annotations:
    lookout.dev/panels: |
      - title: Orders per second
        query: sum(rate(shop_orders_total{backstage_entity="${entityRef}"}[5m]))
        unit: ops`;
}

/** Two charts per row, or the YAML to start from. */
export function CustomPanelsSection(props: {
  panels: MetricPanel[];
  entityRef: string;
  releases?: Release[];
}) {
  if (props.panels.length === 0) {
    return (
      <MetricsSection
        title="Panels"
        notes={[
          'No custom panels. Declare PromQL panels in lookout.dev/panels; every selector must carry the entity\'s backstage_entity label (or the matchers of its lookout.dev/metrics-selector and backstage_entity="").',
        ]}
      >
        <CodeSnippet language="yaml" text={example(props.entityRef)} />
      </MetricsSection>
    );
  }
  return (
    <MetricsSection title="Panels">
      <Grid container spacing={2}>
        {props.panels.map((panel, index) => (
          <Grid item xs={12} md={6} key={`${index}-${panel.title}`}>
            <MetricChart panel={panel} releases={props.releases} />
          </Grid>
        ))}
      </Grid>
    </MetricsSection>
  );
}
