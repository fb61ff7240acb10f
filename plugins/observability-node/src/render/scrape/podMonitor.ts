/*
 * The prometheus-operator PodMonitor of an entity running in Kubernetes, for clusters that scrape
 * pods directly (`observability.render.scrapeKind: PodMonitor`).
 */
import { entityRelabelings, RelabelConfig } from './entityRelabeling';
import { GeneratedObject } from './kubernetesObject';
import { LabelSelector } from './labelSelector';
import { WorkloadScrape } from './serviceMonitor';
import { NamespaceSelector } from './workloadSelector';

/** An endpoint of a PodMonitor. @public */
export interface PodMetricsEndpoint {
  /** Name of the container port. */
  port?: string;
  /** Number of the container port. */
  portNumber?: number;
  path: string;
  interval: string;
  relabelings: RelabelConfig[];
}

/** `spec` of a PodMonitor. @public */
export interface PodMonitorSpec {
  selector: LabelSelector;
  namespaceSelector: NamespaceSelector;
  podMetricsEndpoints: PodMetricsEndpoint[];
}

/**
 * A PodMonitor selecting the workload's pods, scraping the named (or numbered) container port.
 * @public
 */
export function podMonitor(
  scrape: WorkloadScrape,
): GeneratedObject<PodMonitorSpec> {
  const { metrics } = scrape;
  const port: Pick<PodMetricsEndpoint, 'port' | 'portNumber'> =
    typeof metrics.port === 'number'
      ? { portNumber: metrics.port }
      : { port: metrics.port };
  return {
    apiVersion: 'monitoring.coreos.com/v1',
    kind: 'PodMonitor',
    metadata: scrape.metadata,
    spec: {
      selector: scrape.selector,
      namespaceSelector: scrape.namespaceSelector,
      podMetricsEndpoints: [
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
