/*
 * The clusters of the Kubernetes plugin's configuration (`kubernetes.clusterLocatorMethods` of
 * type `config`), so the `kubernetes` sink applies to the same clusters the Kubernetes tab reads.
 */
import { Config } from '@backstage/config';

/** A cluster the sink can apply to. */
export interface KubernetesCluster {
  name: string;
  url: string;
  /**
   * Bearer token (`serviceAccountToken`); without it, the token of the pod's service account
   * (mounted at /var/run/secrets/kubernetes.io/serviceaccount/token, re-read as it rotates).
   */
  serviceAccountToken?: string;
  /** Base64 PEM of the API server's CA. */
  caData?: string;
  /** Path of a PEM file of the API server's CA. */
  caFile?: string;
  skipTLSVerify?: boolean;
}

/** Every statically configured cluster, by name. */
export function readKubernetesClusters(
  root: Config,
): Map<string, KubernetesCluster> {
  const clusters = new Map<string, KubernetesCluster>();
  const methods =
    root.getOptionalConfigArray('kubernetes.clusterLocatorMethods') ?? [];
  for (const method of methods) {
    if (method.getString('type') !== 'config') {
      continue;
    }
    for (const cluster of method.getOptionalConfigArray('clusters') ?? []) {
      const name = cluster.getString('name');
      clusters.set(name, {
        name,
        url: cluster.getString('url'),
        serviceAccountToken: cluster.getOptionalString('serviceAccountToken'),
        caData: cluster.getOptionalString('caData'),
        caFile: cluster.getOptionalString('caFile'),
        skipTLSVerify: cluster.getOptionalBoolean('skipTLSVerify'),
      });
    }
  }
  return clusters;
}
