/*
 * The factories of the sinks that talk to other systems: `kubernetes` (a cluster of the
 * Kubernetes plugin's config) and `grafana` (`observability.grafana`).
 */
import {
  readGrafanaOperatorOptions,
  SinkFactory,
} from '@lookout/plugin-observability-node';
import { GrafanaClient } from './grafana/GrafanaClient';
import { GrafanaSink } from './grafana/GrafanaSink';
import { KubernetesSink } from './kubernetes/KubernetesSink';
import { readKubernetesClusters } from './kubernetes/readKubernetesClusters';

/** `type: kubernetes`, `cluster: <name>`: server-side apply to that cluster. */
export const kubernetesSinkFactory: SinkFactory = {
  type: 'kubernetes',
  create: ({ config, rootConfig, name, renderOptions }) => {
    const clusterName = config.getString('cluster');
    const clusters = readKubernetesClusters(rootConfig);
    const cluster = clusters.get(clusterName);
    if (!cluster) {
      const known = [...clusters.keys()].join(', ') || 'none';
      throw new Error(
        `observability.provisioning.sinks: kubernetes sink "${name}" names cluster "${clusterName}", which kubernetes.clusterLocatorMethods (type config) does not define (defined: ${known})`,
      );
    }
    return new KubernetesSink({
      name,
      cluster,
      instanceId: renderOptions.instanceId,
      grafanaOperator: readGrafanaOperatorOptions(rootConfig),
    });
  },
};

/** `type: grafana`: dashboards through the HTTP API of `observability.grafana`. */
export const grafanaSinkFactory: SinkFactory = {
  type: 'grafana',
  create: ({ config, rootConfig, name, renderOptions }) => {
    const grafana = rootConfig.getConfig('observability.grafana');
    return new GrafanaSink({
      name,
      instanceId: renderOptions.instanceId,
      client: new GrafanaClient({
        url: grafana.getString('url'),
        token: grafana.getOptionalString('token'),
      }),
      folder: config.getOptionalString('folder'),
      defaultFolder: config.getOptionalString('defaultFolder'),
    });
  },
};
