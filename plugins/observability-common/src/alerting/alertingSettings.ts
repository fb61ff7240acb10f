/*
 * The defaults of on-call routing (`observability.alerting` in app-config): the receiver of
 * alerts whose owner names none, grouping and timings, and per-severity timings.
 */
import { ReceiverSpec } from './receivers';

/** Alertmanager timings of a route; absent ones are inherited. @public */
export interface RouteTimings {
  groupWait?: string;
  groupInterval?: string;
  repeatInterval?: string;
}

/** Severities Lookout's alerts carry. @public */
export const ALERT_SEVERITIES = ['page', 'ticket'] as const;

/** A severity of Lookout's alerts. @public */
export type AlertSeverityName = (typeof ALERT_SEVERITIES)[number];

/** Settings of the generated routing. @public */
export interface AlertingSettings {
  /** Receiver of every alert no owner's route takes (owner without receivers, no owner). */
  defaultReceiver: ReceiverSpec;
  /** `group_by` of the root route. */
  groupBy: string[];
  /** Timings of the root route. */
  timings: RouteTimings;
  /** Timings of the routes of each severity. */
  severities: Record<AlertSeverityName, RouteTimings>;
}

/** The name of the default receiver when the configuration names none. @public */
export const DEFAULT_RECEIVER_NAME = 'unrouted';

/** Settings when `observability.alerting` is absent. @public */
export const DEFAULT_ALERTING_SETTINGS: AlertingSettings = {
  defaultReceiver: {
    name: DEFAULT_RECEIVER_NAME,
    tickets: [],
    description: `the default receiver (${DEFAULT_RECEIVER_NAME})`,
  },
  groupBy: ['alertname', 'team', 'severity', 'backstage_entity', 'slo'],
  timings: { groupWait: '30s', groupInterval: '5m', repeatInterval: '4h' },
  severities: {
    page: { groupWait: '10s', repeatInterval: '1h' },
    ticket: { repeatInterval: '24h' },
  },
};
