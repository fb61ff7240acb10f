/*
 * Where an owner's alerts go, as read from the catalog: a pager (PagerDuty routing key, written
 * or in a Secret) and ticket channels (Slack webhook in a Secret, e-mail, generic webhook).
 */
import { SecretKeyRef } from './secretKeyRef';

/** A PagerDuty Events API v2 routing key: as written in the catalog, or in a Secret. @public */
export type PagerDutyKey = { value: string } | { secret: SecretKeyRef };

/** A ticket channel. @public */
export type TicketChannel =
  | { type: 'slack'; webhook: SecretKeyRef; channel?: string }
  | { type: 'email'; to: string }
  | { type: 'webhook'; url: string };

/** What a Group (or a Component, for its own pager) says about its alerts. @public */
export interface AlertReceivers {
  /** PagerDuty routing key of pages. */
  pager?: PagerDutyKey;
  /** Where tickets go; empty when the entity names none. */
  tickets: TicketChannel[];
}

/** A receiver of the generated Alertmanager configuration. @public */
export interface ReceiverSpec {
  /** Receiver name, unique in the configuration. */
  name: string;
  pagerduty?: PagerDutyKey;
  tickets: TicketChannel[];
  /** How people call it: `PagerDuty (team-shop)`, `#shop-alerts`. */
  description: string;
}

/** Whether a receiver delivers anywhere (a receiver with no integration drops alerts). @public */
export function receiverDelivers(receiver: ReceiverSpec): boolean {
  return receiver.pagerduty !== undefined || receiver.tickets.length > 0;
}

/** How people call a ticket channel: `#shop-alerts`, `shop@example.com`, the webhook's host. @public */
export function describeTicketChannel(channel: TicketChannel): string {
  switch (channel.type) {
    case 'slack':
      return (
        channel.channel ??
        `Slack (${channel.webhook.name}/${channel.webhook.key})`
      );
    case 'email':
      return channel.to;
    default:
      try {
        return `webhook ${new URL(channel.url).host}`;
      } catch {
        return 'webhook';
      }
  }
}
