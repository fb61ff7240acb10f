/*
 * Test support: renders shaped like the render engine's, small and parameterised, so the sink
 * tests exercise every file kind without depending on a full catalog entity.
 */
import { ENTITY_LABEL } from '@lookout/plugin-observability-common';
import { generatedNotice } from '../../render/output/generatedNotice';
import { entitySlug } from '../../render/scrape/entitySlug';
import { FILE_SD_INSTANCE_LABEL } from '../../render/scrape/staticTargets';
import {
  ENTITY_REF_ANNOTATION,
  INSTANCE_LABEL,
  MANAGED_BY_LABEL,
  MANAGED_BY_VALUE,
} from '../../render/scrape/kubernetesObject';
import { EntityRender, PrometheusRuleGroup } from '../../render/types';

/** What to put in a sample render. */
export interface SampleRenderOptions {
  /** Changes the content (the recorded value and the dashboard title). */
  version?: number;
  /** A valid PromQL expression by default; set to break the rule file. */
  expr?: string;
  scrape?: boolean;
  rules?: boolean;
  targets?: boolean;
  dashboard?: boolean;
  owner?: string;
  namespace?: string;
  /** The installation the render belongs to (`observability.instanceId`). */
  instanceId?: string;
}

/** A render of `entityRef` with a ServiceMonitor, a PrometheusRule, file_sd targets and a dashboard. */
export function sampleRender(
  entityRef: string,
  options: SampleRenderOptions = {},
): EntityRender {
  const {
    version = 1,
    scrape = true,
    rules = true,
    targets = true,
    dashboard = true,
    owner = 'team-a',
    namespace = 'shop',
    instanceId = 'default',
  } = options;
  const slug = entitySlug(entityRef);
  const metadata = {
    name: slug,
    namespace,
    labels: {
      [MANAGED_BY_LABEL]: MANAGED_BY_VALUE,
      [INSTANCE_LABEL]: instanceId,
    },
    annotations: { [ENTITY_REF_ANNOTATION]: entityRef },
  };
  const ruleGroups: PrometheusRuleGroup[] = rules
    ? [
        {
          name: `${slug}-sample`,
          rules: [
            {
              record: 'lookout:sample:value',
              expr: options.expr ?? `vector(${version})`,
              labels: { [ENTITY_LABEL]: entityRef },
            },
          ],
        },
      ]
    : [];
  const objects: object[] = [];
  if (scrape) {
    objects.push({
      apiVersion: 'monitoring.coreos.com/v1',
      kind: 'ServiceMonitor',
      metadata,
      spec: {
        selector: { matchLabels: { app: slug } },
        endpoints: [
          { port: 'http-metrics', path: '/metrics', interval: '30s' },
        ],
      },
    });
  }
  if (rules) {
    objects.push({
      apiVersion: 'monitoring.coreos.com/v1',
      kind: 'PrometheusRule',
      metadata,
      spec: { groups: ruleGroups },
    });
  }
  return {
    entityRef,
    slug,
    instanceId,
    objects,
    ruleGroups,
    fileSdTargets: targets
      ? [
          {
            targets: [`${slug}.example.com:9100`],
            labels: {
              [ENTITY_LABEL]: entityRef,
              [FILE_SD_INSTANCE_LABEL]: instanceId,
            },
          },
        ]
      : [],
    dashboard: dashboard
      ? {
          uid: `lookout-${slug}`.slice(0, 40),
          title: `${slug} v${version}`,
          model: {
            uid: `lookout-${slug}`.slice(0, 40),
            title: `${slug} v${version}`,
            description: generatedNotice(entityRef, instanceId),
            tags: ['lookout', owner],
            panels: [],
            schemaVersion: 39,
          },
        }
      : undefined,
    ruleTests: [],
    problems: [],
  };
}
