/*
 * Everything an entity needs to be scraped: the operator's scrape objects (ServiceMonitor or
 * PodMonitor for `lookout.dev/metrics-port`, ScrapeConfig for `lookout.dev/metrics-targets`) and
 * the file_sd target groups of the plain format.
 */
import { ObservabilityProblem } from '@lookout/plugin-observability-common';
import { RenderInput, RenderOptions } from '../types';
import { entitySlug } from './entitySlug';
import { GeneratedObject, objectMetadata } from './kubernetesObject';
import { podMonitor } from './podMonitor';
import { serviceMonitor } from './serviceMonitor';
import { fileSdTargetGroups, scrapeConfig, TargetGroup } from './staticTargets';
import { workloadSelection } from './workloadSelector';

/** The scrape part of an entity's render. @public */
export interface ScrapeRender {
  objects: GeneratedObject[];
  fileSdTargets: TargetGroup[];
  problems: ObservabilityProblem[];
}

/** Renders the scrape objects and file_sd targets of an entity. @public */
export function renderScrape(
  input: RenderInput,
  options: RenderOptions,
): ScrapeRender {
  const { spec, entity } = input;
  const metrics = spec.metrics;
  const result: ScrapeRender = { objects: [], fileSdTargets: [], problems: [] };
  if (!metrics) {
    return result;
  }
  const target = {
    entityRef: spec.entityRef,
    name: entitySlug(spec.entityRef),
    workloadNamespace: spec.kubernetes.namespace,
  };
  if (metrics.port !== undefined) {
    const selection = workloadSelection(spec.kubernetes, entity.metadata.name);
    if ('problem' in selection) {
      result.problems.push(selection.problem);
    } else {
      const scrape = {
        entityRef: spec.entityRef,
        metadata: objectMetadata(target, options),
        metrics: { ...metrics, port: metrics.port },
        ...selection,
      };
      result.objects.push(
        options.scrapeKind === 'PodMonitor'
          ? podMonitor(scrape)
          : serviceMonitor(scrape),
      );
    }
  }
  if (metrics.targets.length > 0) {
    result.objects.push(
      scrapeConfig(spec.entityRef, objectMetadata(target, options), metrics),
    );
    result.fileSdTargets = fileSdTargetGroups(
      spec.entityRef,
      metrics,
      options.instanceId,
    );
  }
  return result;
}
