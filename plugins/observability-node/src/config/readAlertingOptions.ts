/*
 * Reads `observability.alerting`: the default receiver (same fields and checks as a Group's
 * routing annotations), grouping, timings per route and per severity, and where the outputs
 * find Secrets. Throws an error naming the key when a value is invalid.
 */
import { Config } from '@backstage/config';
import {
  ALERT_SEVERITIES,
  AlertingSettings,
  DEFAULT_ALERTING_SETTINGS,
  DEFAULT_RECEIVER_KEYS,
  DEFAULT_RECEIVER_NAME,
  parseDefaultReceiver,
  parsePrometheusDuration,
  ReceiverSpec,
  RouteTimings,
} from '@lookout/plugin-observability-common';
import {
  AlertingOptions,
  DEFAULT_ALERTMANAGER_SECRETS_DIRECTORY,
} from '../render/alertmanager/alertingOptions';

const PREFIX = 'observability.alerting';

function readDefaultReceiver(config: Config | undefined): ReceiverSpec {
  if (!config) {
    return DEFAULT_ALERTING_SETTINGS.defaultReceiver;
  }
  const values = Object.fromEntries(
    DEFAULT_RECEIVER_KEYS.map(key => [key, config.getOptionalString(key)]),
  );
  const receiver = parseDefaultReceiver(
    config.getOptionalString('name') ?? DEFAULT_RECEIVER_NAME,
    values,
  );
  if (!receiver.ok) {
    throw new Error(`${PREFIX}.defaultReceiver.${receiver.message}`);
  }
  return receiver.value;
}

function readTimings(config: Config | undefined, path: string): RouteTimings {
  const timings: RouteTimings = {};
  for (const key of ['groupWait', 'groupInterval', 'repeatInterval'] as const) {
    const value = config?.getOptionalString(key);
    if (value === undefined) {
      continue;
    }
    if (parsePrometheusDuration(value) === undefined) {
      throw new Error(
        `${path}.${key} must be a duration such as 30s, 5m or 4h, got "${value}"`,
      );
    }
    timings[key] = value;
  }
  return timings;
}

/** Reads `observability.alerting` (defaults when absent). @public */
export function readAlertingOptions(root: Config): AlertingOptions {
  const config = root.getOptionalConfig(PREFIX);
  const severities = config?.getOptionalConfig('severities');
  const settings: AlertingSettings = {
    defaultReceiver: readDefaultReceiver(
      config?.getOptionalConfig('defaultReceiver'),
    ),
    groupBy:
      config?.getOptionalStringArray('groupBy') ??
      DEFAULT_ALERTING_SETTINGS.groupBy,
    timings: {
      ...DEFAULT_ALERTING_SETTINGS.timings,
      ...readTimings(config, PREFIX),
    },
    severities: Object.fromEntries(
      ALERT_SEVERITIES.map(severity => [
        severity,
        severities?.has(severity)
          ? readTimings(
              severities.getConfig(severity),
              `${PREFIX}.severities.${severity}`,
            )
          : DEFAULT_ALERTING_SETTINGS.severities[severity],
      ]),
    ) as AlertingSettings['severities'],
  };
  const smtp = config?.getOptionalConfig('smtp');
  const namespace = config?.getOptionalString('namespace');
  return {
    settings,
    secretsDirectory:
      config?.getOptionalString('secretsDirectory') ??
      DEFAULT_ALERTMANAGER_SECRETS_DIRECTORY,
    ...(namespace !== undefined && { namespace }),
    ...(smtp && {
      smtp: {
        smarthost: smtp.getString('smarthost'),
        from: smtp.getString('from'),
      },
    }),
  };
}
