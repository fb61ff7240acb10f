/*
 * Builds the signal services from the `observability` configuration: one client per configured
 * upstream (each with its own timeout, concurrency limit and cache), and the services over them.
 * The upstream clients share one budget of answer bytes being read at once
 * (`observability.signals.maxInFlightBytes`).
 * A signal whose upstream is not configured answers 501 naming the key to set.
 */
import { Config } from '@backstage/config';
import { ParseOptions } from '@lookout/plugin-observability-common';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { AlertmanagerClient } from './alertmanager/AlertmanagerClient';
import { AlertmanagerAlertSource } from './alerts/AlertmanagerAlertSource';
import { EntityAlertService } from './alerts/EntityAlertService';
import { PrometheusAlertSource } from './alerts/PrometheusAlertSource';
import { CatalogSloSummaryService } from './catalog/CatalogSloSummaryService';
import { LokiClient } from './loki/LokiClient';
import { LokiLogService } from './logs/LokiLogService';
import { PrometheusClient } from './prometheus/PrometheusClient';
import { PrometheusSloService } from './slos/PrometheusSloService';
import { TempoClient } from './tempo/TempoClient';
import { PrometheusMetricsService } from './metrics/PrometheusMetricsService';
import { TempoTraceService } from './traces/TempoTraceService';
import { AlertSource, SignalServices } from './types';
import { readUpstreamOptions } from './upstream/readUpstreamOptions';
import { UpstreamHttp } from './upstream/UpstreamHttp';
import { ByteBudget } from './upstream/ByteBudget';
import { EntitySpecCache } from './EntitySpecCache';
import { NotImplementedError } from '@backstage/errors';

/** Default of `observability.signals.maxInFlightBytes`: 96 MiB. */
export const DEFAULT_MAX_IN_FLIGHT_BYTES = 96 * 1024 * 1024;

function readMaxInFlightBytes(config: Config): number {
  const key = 'observability.signals.maxInFlightBytes';
  const value = config.getOptionalNumber(key);
  if (value === undefined) {
    return DEFAULT_MAX_IN_FLIGHT_BYTES;
  }
  if (!Number.isInteger(value) || value < 1) {
    throw new Error(`${key} must be a positive integer, got ${value}`);
  }
  return value;
}

/** The signal services of a configuration. @public */
export function createSignalServices(options: {
  config: Config;
  catalog: CatalogService;
  parseOptions: ParseOptions;
}): SignalServices {
  const { config } = options;
  const inFlightBytes = new ByteBudget(readMaxInFlightBytes(config));
  const http = (name: 'prometheus' | 'alertmanager' | 'loki' | 'tempo') => {
    const upstream = readUpstreamOptions(config, name);
    return upstream && new UpstreamHttp(upstream, { inFlightBytes });
  };
  const prometheusHttp = http('prometheus');
  const prometheus =
    prometheusHttp &&
    new PrometheusClient(prometheusHttp, {
      partialResponse: config.getOptionalBoolean(
        'observability.prometheus.thanos.partialResponse',
      ),
      dedup: config.getOptionalBoolean('observability.prometheus.thanos.dedup'),
    });
  const alertmanagerHttp = http('alertmanager');
  const lokiHttp = http('loki');
  const tempoHttp = http('tempo');

  const alertmanager =
    alertmanagerHttp &&
    new AlertmanagerAlertSource(
      new AlertmanagerClient(alertmanagerHttp),
      config.getOptionalString('observability.alertmanager.externalUrl') ??
        config.getString('observability.alertmanager.url'),
    );
  const alertSource: AlertSource | undefined =
    alertmanager ?? (prometheus && new PrometheusAlertSource(prometheus));

  const specs = new EntitySpecCache(options.parseOptions);
  const grafanaBaseUrl =
    config.getOptionalString('observability.grafana.externalUrl') ??
    config.getOptionalString('observability.grafana.url');
  return {
    specs,
    slos: new PrometheusSloService(prometheus, alertmanager, grafanaBaseUrl),
    alerts: new EntityAlertService(
      alertSource ?? {
        upstream: 'alertmanager',
        alertsOf: async () => {
          throw new NotImplementedError(
            'alerts are not configured: set observability.alertmanager.url or observability.prometheus.url',
          );
        },
      },
    ),
    logs: new LokiLogService(lokiHttp && new LokiClient(lokiHttp)),
    traces: new TempoTraceService(tempoHttp && new TempoClient(tempoHttp)),
    sloSummary: new CatalogSloSummaryService({
      catalog: options.catalog,
      prometheus,
      specs,
    }),
    metrics: new PrometheusMetricsService({
      prometheus,
      alerts: alertSource,
      presets: options.parseOptions.presets,
      links: {
        grafanaBaseUrl,
        pyroscopeBaseUrl: config.getOptionalString(
          'observability.pyroscope.externalUrl',
        ),
      },
    }),

    prometheus,
  };
}
