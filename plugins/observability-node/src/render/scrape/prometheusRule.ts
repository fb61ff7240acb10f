/*
 * The prometheus-operator PrometheusRule carrying an entity's rule groups (the same groups as the
 * plain rule file of the prometheus format).
 */
import { PrometheusRuleGroup } from '../types';
import { GeneratedObject, GeneratedObjectMeta } from './kubernetesObject';

/** `spec` of a PrometheusRule. @public */
export interface PrometheusRuleSpec {
  groups: PrometheusRuleGroup[];
}

/** A PrometheusRule wrapping rule groups. @public */
export function prometheusRule(
  metadata: GeneratedObjectMeta,
  groups: PrometheusRuleGroup[],
): GeneratedObject<PrometheusRuleSpec> {
  return {
    apiVersion: 'monitoring.coreos.com/v1',
    kind: 'PrometheusRule',
    metadata,
    spec: { groups },
  };
}
