/*
 * The prometheus-operator ServiceMonitor of an entity running in Kubernetes
 * (`lookout.dev/metrics-port`): scrapes the selected Services' endpoints.
 */
import { MetricsSpec } from '@lookout/plugin-observability-common';
import { entityRelabelings, RelabelConfig } from './entityRelabeling';
import { GeneratedObject, GeneratedObjectMeta } from './kubernetesObject';
import { LabelSelector } from './labelSelector';
import { NamespaceSelector } from './workloadSelector';

/** An endpoint of a ServiceMonitor. @public */
export interface ServiceMonitorEndpoint {
  /** Name of the Service port. */
  port?: string;
  /** Number of the container port behind the Service. */
  targetPort?: number;
  path: string;
  interval: string;
  relabelings: RelabelConfig[];
}

/** `spec` of a ServiceMonitor. @public */
export interface ServiceMonitorSpec {
  selector: LabelSelector;
  namespaceSelector: NamespaceSelector;
  endpoints: ServiceMonitorEndpoint[];
}

/** Everything a Kubernetes scrape object is made of. @public */
export interface WorkloadScrape {
  entityRef: string;
  metadata: GeneratedObjectMeta;
  metrics: MetricsSpec & { port: string | number };
  selector: LabelSelector;
  namespaceSelector: NamespaceSelector;
}

/**
 * A ServiceMonitor selecting the workload's Services, scraping the named Service port (or, for a
 * number, the container port behind the Service) with the entity's path and interval.
 *
 * @public
 */
export function serviceMonitor(
  scrape: WorkloadScrape,
): GeneratedObject<ServiceMonitorSpec> {
  const { metrics } = scrape;
  const port: Pick<ServiceMonitorEndpoint, 'port' | 'targetPort'> =
    typeof metrics.port === 'number'
      ? { targetPort: metrics.port }
      : { port: metrics.port };
  return {
    apiVersion: 'monitoring.coreos.com/v1',
    kind: 'ServiceMonitor',
    metadata: scrape.metadata,
    spec: {
      selector: scrape.selector,
      namespaceSelector: scrape.namespaceSelector,
      endpoints: [
        {
          ...port,
          path: metrics.path,
          interval: metrics.interval,
          relabelings: entityRelabelings(scrape.entityRef),
        },
      ],
    },
  };
}
