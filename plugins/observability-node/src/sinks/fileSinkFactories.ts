/*
 * The factories of the built-in file sinks, reading one `observability.provisioning.sinks` entry.
 */
import { Config, readDurationFromConfig } from '@backstage/config';
import { readGrafanaOperatorOptions } from '../config/readObservabilityConfig';
import { readAlertingOptions } from '../config/readAlertingOptions';
import { AlertmanagerFilesSink } from './alertmanagerFiles/AlertmanagerFilesSink';
import { KustomizeSink } from './kustomize/KustomizeSink';
import { PrometheusFilesSink } from './prometheusFiles/PrometheusFilesSink';
import { SinkFactory } from './types';

/** Default folder of the `kustomize` sink, relative to the backend's working directory. @public */
export const DEFAULT_KUSTOMIZE_DIRECTORY = 'deploy/observability/entities';

/** Milliseconds of a duration key (days at most: a timeout is never longer). */
function readMilliseconds(config: Config, key: string): number | undefined {
  if (!config.has(key)) {
    return undefined;
  }
  const d = readDurationFromConfig(config, { key });
  return (
    (d.milliseconds ?? 0) +
    1000 *
      ((d.seconds ?? 0) +
        60 * ((d.minutes ?? 0) + 60 * ((d.hours ?? 0) + 24 * (d.days ?? 0))))
  );
}

function readHeaders(
  config: Config | undefined,
): Record<string, string> | undefined {
  if (!config) {
    return undefined;
  }
  return Object.fromEntries(
    config.keys().map(key => [key, config.getString(key)]),
  );
}

/** `type: kustomize`: the operator format into `directory`. @public */
export const kustomizeSinkFactory: SinkFactory = {
  type: 'kustomize',
  create: ({ config, rootConfig, name, renderOptions }) =>
    new KustomizeSink({
      name,
      instanceId: renderOptions.instanceId,
      directory:
        config.getOptionalString('directory') ?? DEFAULT_KUSTOMIZE_DIRECTORY,
      grafanaOperator: readGrafanaOperatorOptions(rootConfig),
    }),
};

/**
 * `type: prometheus-files`: rule files into `rulesDirectory`, file_sd files into
 * `targetsDirectory`, optionally dashboards into `dashboardsDirectory`, then `POST reloadUrl`.
 * @public
 */
export const prometheusFilesSinkFactory: SinkFactory = {
  type: 'prometheus-files',
  create: ({ config, name, renderOptions }) =>
    new PrometheusFilesSink({
      name,
      instanceId: renderOptions.instanceId,
      rulesDirectory: config.getString('rulesDirectory'),
      targetsDirectory: config.getOptionalString('targetsDirectory'),
      dashboardsDirectory: config.getOptionalString('dashboardsDirectory'),
      reloadUrl: config.getOptionalString('reloadUrl'),
      reloadHeaders: readHeaders(config.getOptionalConfig('reloadHeaders')),
      reloadTimeoutMs: readMilliseconds(config, 'reloadTimeout'),
    }),
};

/**
 * `type: alertmanager-files`: the complete Alertmanager configuration of the catalog's teams into
 * `directory` (`alertmanager.yaml`), then `POST reloadUrl`.
 * @public
 */
export const alertmanagerFilesSinkFactory: SinkFactory = {
  type: 'alertmanager-files',
  create: ({ config, rootConfig, name }) =>
    new AlertmanagerFilesSink({
      name,
      directory: config.getString('directory'),
      reloadUrl: config.getOptionalString('reloadUrl'),
      alerting: readAlertingOptions(rootConfig),
    }),
};
