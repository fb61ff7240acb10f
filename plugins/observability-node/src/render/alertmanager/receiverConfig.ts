/*
 * One receiver with its integrations (PagerDuty, Slack, e-mail, webhook), written once for both
 * formats: the plain configuration (snake_case, Secret keys read as files) and the operator's
 * AlertmanagerConfig (camelCase, Secret keys as `secretKeyRef`s) differ only in their field
 * names and in how a Secret key is referred to.
 */
import {
  PagerDutyKey,
  ReceiverSpec,
  SecretKeyRef,
} from '@lookout/plugin-observability-common';
import {
  PAGERDUTY_DESCRIPTION,
  PAGERDUTY_LINKS,
  SLACK_TEXT,
  SLACK_TITLE,
  SLACK_TITLE_LINK,
} from './receiverTemplates';

/** How one format writes a receiver: its field names and its references to Secret keys. */
export interface ReceiverDialect {
  fields: {
    pagerduty: string;
    slack: string;
    email: string;
    webhook: string;
    sendResolved: string;
    titleLink: string;
    /** PagerDuty's links, and the field of a link's text. */
    links: string;
    linkText: string;
  };
  /** The routing-key fields of a PagerDuty integration. */
  pagerKey(key: PagerDutyKey): Record<string, unknown>;
  /** The webhook-URL fields of a Slack integration. */
  slackUrl(webhook: SecretKeyRef): Record<string, unknown>;
}

/** The plain configuration's field names (Alertmanager's own). */
export const PLAIN_FIELDS: ReceiverDialect['fields'] = {
  pagerduty: 'pagerduty_configs',
  slack: 'slack_configs',
  email: 'email_configs',
  webhook: 'webhook_configs',
  sendResolved: 'send_resolved',
  titleLink: 'title_link',
  links: 'links',
  linkText: 'text',
};

/** The AlertmanagerConfig's field names (monitoring.coreos.com/v1alpha1). */
export const OPERATOR_FIELDS: ReceiverDialect['fields'] = {
  pagerduty: 'pagerdutyConfigs',
  slack: 'slackConfigs',
  email: 'emailConfigs',
  webhook: 'webhookConfigs',
  sendResolved: 'sendResolved',
  titleLink: 'titleLink',
  links: 'pagerDutyLinkConfigs',
  linkText: 'alt',
};

/** One receiver in `dialect`; Lookout's message templates on every integration. */
export function receiverConfig(
  receiver: ReceiverSpec,
  dialect: ReceiverDialect,
): Record<string, unknown> {
  const names = dialect.fields;
  const result: Record<string, unknown> = { name: receiver.name };
  if (receiver.pagerduty) {
    result[names.pagerduty] = [
      {
        ...dialect.pagerKey(receiver.pagerduty),
        [names.sendResolved]: true,
        severity: 'critical',
        description: PAGERDUTY_DESCRIPTION,
        [names.links]: PAGERDUTY_LINKS.map(([text, href]) => ({
          href,
          [names.linkText]: text,
        })),
      },
    ];
  }
  const slack = receiver.tickets.flatMap(t => (t.type === 'slack' ? [t] : []));
  if (slack.length > 0) {
    result[names.slack] = slack.map(t => ({
      ...dialect.slackUrl(t.webhook),
      ...(t.channel && { channel: t.channel }),
      [names.sendResolved]: true,
      title: SLACK_TITLE,
      [names.titleLink]: SLACK_TITLE_LINK,
      text: SLACK_TEXT,
    }));
  }
  const email = receiver.tickets.flatMap(t => (t.type === 'email' ? [t] : []));
  if (email.length > 0) {
    result[names.email] = email.map(t => ({
      to: t.to,
      [names.sendResolved]: true,
    }));
  }
  const webhooks = receiver.tickets.flatMap(t =>
    t.type === 'webhook' ? [t] : [],
  );
  if (webhooks.length > 0) {
    result[names.webhook] = webhooks.map(t => ({
      url: t.url,
      [names.sendResolved]: true,
    }));
  }
  return result;
}
