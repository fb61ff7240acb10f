/*
 * The prometheus format's complete Alertmanager configuration (`alertmanager/alertmanager.yaml`):
 * the routing plan's tree under a root route to the default receiver, every receiver with its
 * integrations (Secret keys read as files), and the page-inhibits-ticket rule.
 */
import {
  AlertRoute,
  ReceiverSpec,
  RouteMatcher,
  RoutingPlan,
  SecretKeyRef,
} from '@lookout/plugin-observability-common';
import { ALERT_ERROR_BUDGET_BURN } from '../rules/sloSeries';
import { AlertingOptions } from './alertingOptions';
import { PLAIN_FIELDS, receiverConfig } from './receiverConfig';

/** A route of the plain configuration. @public */
export interface AlertmanagerRoute {
  receiver: string;
  matchers?: string[];
  group_by?: string[];
  group_wait?: string;
  group_interval?: string;
  repeat_interval?: string;
  routes?: AlertmanagerRoute[];
}

/** The plain Alertmanager configuration. @public */
export interface AlertmanagerConfiguration {
  global: Record<string, string>;
  route: AlertmanagerRoute;
  inhibit_rules: Array<{
    source_matchers: string[];
    target_matchers: string[];
    equal: string[];
  }>;
  receivers: Array<Record<string, unknown>>;
}

/** Alertmanager matcher text `name="value"`, value quoted as Alertmanager parses it. @public */
export function matcherText(matcher: RouteMatcher): string {
  return `${matcher.name}${matcher.op}${JSON.stringify(matcher.value)}`;
}

/**
 * A firing page of an SLO suppresses the ticket of the same SLO and entity, so a fast burn does
 * not also open a slow-burn ticket.
 * @public
 */
export const PAGE_INHIBITS_TICKET = {
  source_matchers: [
    matcherText({ name: 'alertname', op: '=', value: ALERT_ERROR_BUDGET_BURN }),
    matcherText({ name: 'severity', op: '=', value: 'page' }),
  ],
  target_matchers: [
    matcherText({ name: 'alertname', op: '=', value: ALERT_ERROR_BUDGET_BURN }),
    matcherText({ name: 'severity', op: '=', value: 'ticket' }),
  ],
  equal: ['slo', 'backstage_entity'],
};

function plainRoute(route: AlertRoute): AlertmanagerRoute {
  return {
    receiver: route.receiver,
    ...(route.matchers.length > 0 && {
      matchers: route.matchers.map(matcherText),
    }),
    ...(route.groupBy && { group_by: route.groupBy }),
    ...(route.groupWait && { group_wait: route.groupWait }),
    ...(route.groupInterval && { group_interval: route.groupInterval }),
    ...(route.repeatInterval && { repeat_interval: route.repeatInterval }),
    ...(route.routes.length > 0 && { routes: route.routes.map(plainRoute) }),
  };
}

function secretFile(ref: SecretKeyRef, options: AlertingOptions): string {
  return `${options.secretsDirectory.replace(/\/+$/, '')}/${ref.name}/${
    ref.key
  }`;
}

/** One receiver of the plain configuration. @public */
export function plainReceiver(
  receiver: ReceiverSpec,
  options: AlertingOptions,
): Record<string, unknown> {
  return receiverConfig(receiver, {
    fields: PLAIN_FIELDS,
    pagerKey: key =>
      'value' in key
        ? { routing_key: key.value }
        : { routing_key_file: secretFile(key.secret, options) },
    slackUrl: webhook => ({ api_url_file: secretFile(webhook, options) }),
  });
}

/**
 * The complete configuration of a plain Alertmanager for `plan`. Pure and deterministic.
 * @public
 */
export function renderAlertmanagerYaml(
  plan: RoutingPlan,
  options: AlertingOptions,
): AlertmanagerConfiguration {
  return {
    global: {
      resolve_timeout: '5m',
      ...(options.smtp && {
        smtp_smarthost: options.smtp.smarthost,
        smtp_from: options.smtp.from,
      }),
    },
    route: plainRoute(plan.root),
    inhibit_rules: [PAGE_INHIBITS_TICKET],
    receivers: plan.receivers.map(r => plainReceiver(r, options)),
  };
}
