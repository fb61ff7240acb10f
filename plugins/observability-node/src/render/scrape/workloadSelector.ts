/*
 * Which Kubernetes objects an entity's ServiceMonitor or PodMonitor selects: the Kubernetes
 * plugin's annotations, so that one catalog entry drives both plugins.
 */
import {
  ANNOTATION_KUBERNETES_ID,
  ANNOTATION_KUBERNETES_LABEL_SELECTOR,
  KubernetesWorkload,
  ObservabilityProblem,
} from '@lookout/plugin-observability-common';
import { LabelSelector, parseLabelSelector } from './labelSelector';

/** `namespaceSelector` of ServiceMonitor and PodMonitor. @public */
export type NamespaceSelector = { matchNames: string[] } | { any: true };

/** Selectors of a workload, or the problem that prevents selecting it. @public */
export type WorkloadSelection =
  | { selector: LabelSelector; namespaceSelector: NamespaceSelector }
  | { problem: ObservabilityProblem };

/**
 * The label selector is `backstage.io/kubernetes-label-selector` when set, else
 * `backstage.io/kubernetes-id: <id, or the entity name>`. The namespace selector names
 * `backstage.io/kubernetes-namespace`, or any namespace when it is absent (as the Kubernetes
 * plugin searches every namespace).
 *
 * @public
 */
export function workloadSelection(
  workload: KubernetesWorkload,
  entityName: string,
): WorkloadSelection {
  const namespaceSelector: NamespaceSelector = workload.namespace
    ? { matchNames: [workload.namespace] }
    : { any: true };
  if (workload.labelSelector !== undefined) {
    try {
      return {
        selector: parseLabelSelector(workload.labelSelector),
        namespaceSelector,
      };
    } catch (error) {
      return {
        problem: {
          severity: 'error',
          annotation: ANNOTATION_KUBERNETES_LABEL_SELECTOR,
          path: '',
          message: `not a valid label selector: ${(error as Error).message}`,
        },
      };
    }
  }
  return {
    selector: {
      matchLabels: { [ANNOTATION_KUBERNETES_ID]: workload.id ?? entityName },
    },
    namespaceSelector,
  };
}
