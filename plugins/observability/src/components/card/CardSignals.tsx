/*
 * What Lookout does for the entity besides SLOs: metrics scraping, the logs selector, the traces
 * service, the generated dashboard, and what it made of the custom panels and of the annotations
 * of Roadie's Prometheus plugin and the Grafana plugin.
 */
import { ObservabilitySpec } from '@lookout/plugin-observability-common';
import { importedSummary } from '../../lib/importedSummary';
import { CardSection } from './CardSection';
import { DefinitionList } from './DefinitionList';

/** Props of {@link CardSignals}. */
export interface CardSignalsProps {
  spec: ObservabilitySpec;
}

function scrapeDescription(spec: ObservabilitySpec): string {
  const metrics = spec.metrics;
  if (!metrics) {
    return 'not scraped (add lookout.dev/metrics-port)';
  }
  const parts: string[] = [];
  if (metrics.port !== undefined) {
    parts.push(`port ${metrics.port}`);
  }
  parts.push(`path ${metrics.path}`, `every ${metrics.interval}`);
  if (metrics.targets.length > 0) {
    parts.push(`targets ${metrics.targets.join(', ')}`);
  }
  return parts.join(' · ');
}

/** Metrics, logs, traces and dashboard settings as a definition list. */
export function CardSignals(props: CardSignalsProps) {
  const { spec } = props;
  const logs = spec.logs?.tenant
    ? `${spec.logs.selector} (tenant ${spec.logs.tenant})`
    : spec.logs?.selector;
  const traces = spec.traces?.serviceNamespace
    ? `${spec.traces.serviceName} (namespace ${spec.traces.serviceNamespace})`
    : spec.traces?.serviceName;
  return (
    <CardSection title="Signals">
      <DefinitionList
        items={[
          { term: 'Metrics scrape', description: scrapeDescription(spec) },
          {
            term: 'Logs selector',
            description: logs ? <code>{logs}</code> : 'none for this kind',
          },
          {
            term: 'Traces service',
            description: traces ? <code>{traces}</code> : 'none for this kind',
          },
          {
            term: 'Dashboard',
            description: spec.dashboard ? 'generated' : 'off',
          },
          ...importedSummary(spec).map(([annotation, made]) => ({
            term: annotation,
            description: made,
          })),
        ]}
      />
    </CardSection>
  );
}
