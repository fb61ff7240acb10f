/*
 * The grafana-operator `GrafanaDashboard` of an entity (optional in the operator format): it
 * imports the dashboard from the ConfigMap that the entity's kustomization generates, into the
 * owner's folder.
 */
import {
  GeneratedObject,
  GeneratedObjectMeta,
} from '../scrape/kubernetesObject';
import { LabelSelector } from '../scrape/labelSelector';

/** Settings of the generated GrafanaDashboard objects. @public */
export interface GrafanaOperatorOptions {
  /** Selects the Grafana instances that import the dashboards (required by the CRD). */
  instanceSelector: LabelSelector;
  /** Let Grafana instances of other namespaces import the dashboards. */
  allowCrossNamespaceImport?: boolean;
}

/** `spec` of a GrafanaDashboard (grafana.integreatly.org/v1beta1). @public */
export interface GrafanaDashboardSpec {
  instanceSelector: LabelSelector;
  allowCrossNamespaceImport?: boolean;
  uid: string;
  folder?: string;
  configMapRef: { name: string; key: string };
}

/** A GrafanaDashboard importing a dashboard from a ConfigMap key. @public */
export function grafanaDashboardObject(
  metadata: GeneratedObjectMeta,
  dashboard: {
    uid: string;
    folder?: string;
    configMap: { name: string; key: string };
  },
  options: GrafanaOperatorOptions,
): GeneratedObject<GrafanaDashboardSpec> {
  return {
    apiVersion: 'grafana.integreatly.org/v1beta1',
    kind: 'GrafanaDashboard',
    metadata,
    spec: {
      instanceSelector: options.instanceSelector,
      ...(options.allowCrossNamespaceImport
        ? { allowCrossNamespaceImport: true }
        : {}),
      uid: dashboard.uid,
      ...(dashboard.folder ? { folder: dashboard.folder } : {}),
      configMapRef: dashboard.configMap,
    },
  };
}
