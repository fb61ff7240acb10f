/*
 * Scraping of targets outside Kubernetes (`lookout.dev/metrics-targets`): a prometheus-operator
 * ScrapeConfig for the operator format, and file_sd target groups for plain Prometheus.
 */
import { DEFAULT_INSTANCE_ID } from '../output/generatedNotice';
import {
  ENTITY_LABEL,
  MetricsSpec,
  parsePrometheusDuration,
} from '@lookout/plugin-observability-common';
import { GeneratedObject, GeneratedObjectMeta } from './kubernetesObject';

/** A static target group, as in `static_configs` and file_sd files. @public */
export interface TargetGroup {
  targets: string[];
  labels: Record<string, string>;
}

/** `spec` of a ScrapeConfig (monitoring.coreos.com/v1alpha1). @public */
export interface ScrapeConfigSpec {
  staticConfigs: TargetGroup[];
  metricsPath: string;
  scrapeInterval: string;
}

/** Prometheus' default `scrape_timeout`. */
const DEFAULT_SCRAPE_TIMEOUT_SECONDS = 10;

/**
 * A ScrapeConfig scraping the static targets, each labelled `backstage_entity="<ref>"`.
 * @public
 */
export function scrapeConfig(
  entityRef: string,
  metadata: GeneratedObjectMeta,
  metrics: MetricsSpec,
): GeneratedObject<ScrapeConfigSpec> {
  return {
    apiVersion: 'monitoring.coreos.com/v1alpha1',
    kind: 'ScrapeConfig',
    metadata,
    spec: {
      staticConfigs: [
        { targets: metrics.targets, labels: { [ENTITY_LABEL]: entityRef } },
      ],
      metricsPath: metrics.path,
      scrapeInterval: metrics.interval,
    },
  };
}

/** file_sd label naming the installation that owns a target file (dropped by Prometheus). @public */
export const FILE_SD_INSTANCE_LABEL = '__lookout_instance';

/**
 * file_sd target groups of the static targets. Path and interval travel as the
 * `__metrics_path__` and `__scrape_interval__` target labels (which take precedence over the
 * job's settings); below the default 10s timeout, `__scrape_timeout__` is lowered to the
 * interval, as Prometheus requires.
 *
 * @public
 */
export function fileSdTargetGroups(
  entityRef: string,
  metrics: MetricsSpec,
  instanceId: string = DEFAULT_INSTANCE_ID,
): TargetGroup[] {
  if (metrics.targets.length === 0) {
    return [];
  }
  const labels: Record<string, string> = {
    __metrics_path__: metrics.path,
    __scrape_interval__: metrics.interval,
  };
  const intervalMs = parsePrometheusDuration(metrics.interval) ?? 0;
  if (intervalMs < DEFAULT_SCRAPE_TIMEOUT_SECONDS * 1000) {
    labels.__scrape_timeout__ = metrics.interval;
  }
  labels[ENTITY_LABEL] = entityRef;
  // The owning installation; `__` labels are dropped after relabelling, so no series carries it.
  labels[FILE_SD_INSTANCE_LABEL] = instanceId;
  return [{ targets: metrics.targets, labels }];
}
