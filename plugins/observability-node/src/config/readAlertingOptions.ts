/*
 * Reads `observability.alerting`: the default receiver (same fields and checks as a Group's
 * routing annotations), grouping, timings per route and per severity, and where the outputs
 * find Secrets. Throws an error naming the key when a value is invalid.
 */
import { Config } from '@backstage/config';
import {
  ALERT_SEVERITIES,
  ANNOTATION_PAGER_SECRET,
  ANNOTATION_PAGERDUTY_INTEGRATION_KEY,
  ANNOTATION_TICKETS_EMAIL,
  ANNOTATION_TICKETS_SLACK_CHANNEL,
  ANNOTATION_TICKETS_SLACK_SECRET,
  ANNOTATION_TICKETS_WEBHOOK,
  AlertingSettings,
  DEFAULT_ALERTING_SETTINGS,
  DEFAULT_RECEIVER_NAME,
  describeTicketChannel,
  parseAlertReceivers,
  parsePrometheusDuration,
  ReceiverSpec,
  RouteTimings,
} from '@lookout/plugin-observability-common';
import {
  AlertingOptions,
  DEFAULT_ALERTMANAGER_SECRETS_DIRECTORY,
} from '../render/alertmanager/alertingOptions';

const PREFIX = 'observability.alerting';

/** Keys of `defaultReceiver` and the routing annotation each one stands for. */
const RECEIVER_KEYS: Record<string, string> = {
  pagerdutyIntegrationKey: ANNOTATION_PAGERDUTY_INTEGRATION_KEY,
  pagerSecret: ANNOTATION_PAGER_SECRET,
  slackSecret: ANNOTATION_TICKETS_SLACK_SECRET,
  slackChannel: ANNOTATION_TICKETS_SLACK_CHANNEL,
  email: ANNOTATION_TICKETS_EMAIL,
  webhook: ANNOTATION_TICKETS_WEBHOOK,
};

function readDefaultReceiver(config: Config | undefined): ReceiverSpec {
  if (!config) {
    return DEFAULT_ALERTING_SETTINGS.defaultReceiver;
  }
  const name = config.getOptionalString('name') ?? DEFAULT_RECEIVER_NAME;
  const annotations: Record<string, string> = {};
  for (const [key, annotation] of Object.entries(RECEIVER_KEYS)) {
    const value = config.getOptionalString(key);
    if (value !== undefined) {
      annotations[annotation] = value;
    }
  }
  const { receivers, problems } = parseAlertReceivers({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name, annotations },
  });
  const problem = problems.find(p => p.severity === 'error');
  if (problem) {
    const key = Object.entries(RECEIVER_KEYS).find(
      ([, annotation]) => annotation === problem.annotation,
    )![0];
    throw new Error(`${PREFIX}.defaultReceiver.${key}: ${problem.message}`);
  }
  const channels = receivers.tickets.map(describeTicketChannel);
  return {
    name,
    ...(receivers.pager && { pagerduty: receivers.pager }),
    tickets: receivers.tickets,
    description: `the default receiver (${[name, ...channels].join(', ')})`,
  };
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
