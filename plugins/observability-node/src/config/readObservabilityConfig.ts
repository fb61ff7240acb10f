/*
 * Reads the `observability` configuration keys that the parser and the render engine need, so the
 * backend and the `lookout` CLI interpret one app-config the same way.
 */
import { Config } from '@backstage/config';
import {
  OPENTELEMETRY_PRESETS,
  ParseOptions,
  PROM_CLIENT_PRESETS,
  SloPresetConfig,
} from '@lookout/plugin-observability-common';
import { RenderOptions } from '../render/types';
import { readScopePolicy } from './readScopePolicy';
import { GrafanaOperatorOptions } from '../render/dashboard/grafanaDashboardObject';
import { AlertingOptions } from '../render/alertmanager/alertingOptions';
import { readAlertingOptions } from './readAlertingOptions';

/** How annotation problems are reported at catalog ingestion. @public */
export type ValidationMode = 'lenient' | 'strict';

/** The parser's and the renderer's settings from one configuration. @public */
export interface ObservabilitySettings {
  validationMode: ValidationMode;
  parseOptions: ParseOptions;
  renderOptions: RenderOptions;
  /** On-call routing (`observability.alerting`). */
  alerting: AlertingOptions;
}

function readPresets(config: Config | undefined): SloPresetConfig {
  const convention = config?.getOptionalString('convention') ?? 'opentelemetry';
  if (convention !== 'opentelemetry' && convention !== 'prom-client') {
    throw new Error(
      `observability.presets.convention must be "opentelemetry" or "prom-client", got "${convention}"`,
    );
  }
  const base =
    convention === 'prom-client' ? PROM_CLIENT_PRESETS : OPENTELEMETRY_PRESETS;
  const histogramType =
    config?.getOptionalString('histogramType') ?? base.histogramType;
  if (histogramType !== 'classic' && histogramType !== 'native') {
    throw new Error(
      `observability.presets.histogramType must be "classic" or "native", got "${histogramType}"`,
    );
  }
  return {
    requestsMetric:
      config?.getOptionalString('requestsMetric') ?? base.requestsMetric,
    statusCodeLabel:
      config?.getOptionalString('statusCodeLabel') ?? base.statusCodeLabel,
    errorStatusRegex:
      config?.getOptionalString('errorStatusRegex') ?? base.errorStatusRegex,
    durationHistogram:
      config?.getOptionalString('durationHistogram') ?? base.durationHistogram,
    histogramType,
  };
}

/**
 * Reads `observability.*` from a Backstage config (the whole app-config, root level).
 * Throws an error naming the key when a value is invalid.
 * @public
 */
export function readObservabilityConfig(root: Config): ObservabilitySettings {
  const config = root.getOptionalConfig('observability');
  const validationMode =
    config?.getOptionalString('validation.mode') ?? 'lenient';
  if (validationMode !== 'lenient' && validationMode !== 'strict') {
    throw new Error(
      `observability.validation.mode must be "lenient" or "strict", got "${validationMode}"`,
    );
  }
  const presets = readPresets(config?.getOptionalConfig('presets'));
  const render = config?.getOptionalConfig('render');
  const scrapeKind =
    render?.getOptionalString('scrapeKind') ?? 'ServiceMonitor';
  if (scrapeKind !== 'ServiceMonitor' && scrapeKind !== 'PodMonitor') {
    throw new Error(
      `observability.render.scrapeKind must be "ServiceMonitor" or "PodMonitor", got "${scrapeKind}"`,
    );
  }
  const resourceLabels: Record<string, string> = {};
  const labelsConfig = render?.getOptionalConfig('resourceLabels');
  for (const key of labelsConfig?.keys() ?? []) {
    resourceLabels[key] = labelsConfig!.getString(key);
  }
  const grafana = config?.getOptionalConfig('grafana');
  const instanceId = config?.getOptionalString('instanceId') ?? 'default';
  if (!/^[a-z0-9]([-a-z0-9]{0,38}[a-z0-9])?$/.test(instanceId)) {
    throw new Error(
      `observability.instanceId must be 1 to 40 lowercase letters, digits and inner dashes (a Kubernetes label value and a Grafana tag), got "${instanceId}"`,
    );
  }
  const scope = readScopePolicy(config);
  return {
    validationMode,
    parseOptions: {
      presets,
      defaultLogsSelector: config?.getOptionalString('loki.selectorTemplate'),
      defaultLogsTenant: config?.getOptionalString('loki.tenant'),
      ...(config?.getOptionalBoolean('panels.allowUnscoped') && {
        allowUnscopedPanels: true,
      }),
      ...(scope && { scope }),
    },
    renderOptions: {
      backstageBaseUrl: (
        root.getOptionalString('app.baseUrl') ?? 'http://localhost:3000'
      ).replace(/\/+$/, ''),
      grafanaBaseUrl: (
        grafana?.getOptionalString('externalUrl') ??
        grafana?.getOptionalString('url')
      )?.replace(/\/+$/, ''),
      defaultRunbookUrl: render?.getOptionalString('defaultRunbookUrl'),
      presets,
      resourceLabels,
      defaultNamespace:
        render?.getOptionalString('defaultNamespace') ?? 'observability',
      scrapeKind,
      instanceId,
    },
    alerting: readAlertingOptions(root),
  };
}

/**
 * `observability.render.grafanaOperator`: when set, the operator format (the `lookout` CLI, the
 * `kustomize` and `kubernetes` sinks) also holds a grafana-operator `GrafanaDashboard` per
 * dashboard, selecting the Grafana instances of `instanceSelector.matchLabels`.
 * @public
 */
export function readGrafanaOperatorOptions(
  root: Config,
): GrafanaOperatorOptions | undefined {
  const operator = root.getOptionalConfig(
    'observability.render.grafanaOperator',
  );
  if (!operator) {
    return undefined;
  }
  const matchLabels = operator
    .getConfig('instanceSelector')
    .getOptionalConfig('matchLabels');
  return {
    instanceSelector: {
      matchLabels: Object.fromEntries(
        (matchLabels?.keys() ?? []).map(key => [
          key,
          matchLabels!.getString(key),
        ]),
      ),
    },
    ...(operator.getOptionalBoolean('allowCrossNamespaceImport')
      ? { allowCrossNamespaceImport: true }
      : {}),
  };
}
