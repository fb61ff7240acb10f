/*
 * Reads the routing annotations of a Group or Component (`pagerduty.com/integration-key`,
 * `lookout.dev/pager-secret`, `lookout.dev/tickets-*`) into its receivers, with a problem naming
 * the annotation for every malformed value; and the platform's default receiver
 * (`observability.alerting.defaultReceiver`), whose config keys stand for the same annotations.
 * Pure, never throws.
 */
import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_PAGER_SECRET,
  ANNOTATION_PAGERDUTY_INTEGRATION_KEY,
  ANNOTATION_TICKETS_EMAIL,
  ANNOTATION_TICKETS_SLACK_CHANNEL,
  ANNOTATION_TICKETS_SLACK_SECRET,
  ANNOTATION_TICKETS_WEBHOOK,
} from '../annotations/annotations';
import { entityAnnotations } from '../spec/entityIdentity';
import { ObservabilityProblem } from '../spec/types';
import { describeValue } from '../validation/describeValue';
import { parseHttpUrl } from '../validation/httpUrl';
import { Parsed, invalid, valid } from '../validation/result';
import {
  AlertReceivers,
  PagerDutyKey,
  ReceiverSpec,
  TicketChannel,
  describeTicketChannel,
} from './receivers';
import { parseSecretKeyRef } from './secretKeyRef';

/** PagerDuty Events API v2 integration keys are 32 letters and digits. */
const INTEGRATION_KEY = /^[A-Za-z0-9]{32}$/;
const SLACK_CHANNEL = /^#?[a-z0-9][a-z0-9._-]{0,79}$/;
const EMAIL = /^[^@\s<>,;"]+@[^@\s<>,;"]+\.[^@\s<>,;"]+$/;

/** Validates a PagerDuty Events API v2 integration key. @public */
export function parseIntegrationKey(value: unknown): Parsed<string> {
  const expected =
    'expected the 32-character Events API v2 integration key of a PagerDuty service, e.g. 0123456789abcdef0123456789abcdef';
  if (typeof value !== 'string' || !INTEGRATION_KEY.test(value.trim())) {
    return invalid(`found ${describeValue(value)}; ${expected}`);
  }
  return valid(value.trim());
}

function parseSlackChannel(value: unknown): Parsed<string> {
  if (typeof value !== 'string' || !SLACK_CHANNEL.test(value.trim())) {
    return invalid(
      `found ${describeValue(
        value,
      )}; expected a Slack channel name in lowercase, e.g. #shop-alerts`,
    );
  }
  const text = value.trim();
  return valid(text.startsWith('#') ? text : `#${text}`);
}

function parseEmail(value: unknown): Parsed<string> {
  if (typeof value !== 'string' || !EMAIL.test(value.trim())) {
    return invalid(
      `found ${describeValue(
        value,
      )}; expected one e-mail address, e.g. shop-oncall@example.com`,
    );
  }
  return valid(value.trim());
}

/** The receivers an entity names and the problems of its routing annotations. @public */
export interface ParsedAlertReceivers {
  receivers: AlertReceivers;
  problems: ObservabilityProblem[];
}

/**
 * Reads an entity's routing annotations. Ticket channels are read on Groups only (a Component's
 * tickets go to its owner's channel); a pager is read on both.
 * @public
 */
export function parseAlertReceivers(entity: Entity): ParsedAlertReceivers {
  const annotations = entityAnnotations(entity);
  const problems: ObservabilityProblem[] = [];
  const receivers: AlertReceivers = { tickets: [] };
  const read = <T>(
    annotation: string,
    parse: (value: unknown) => Parsed<T>,
  ): T | undefined => {
    if (!(annotation in annotations)) {
      return undefined;
    }
    const parsed = parse(annotations[annotation]);
    if (!parsed.ok) {
      problems.push({
        severity: 'error',
        annotation,
        path: '',
        message: parsed.message,
      });
      return undefined;
    }
    return parsed.value;
  };

  const key = read(ANNOTATION_PAGERDUTY_INTEGRATION_KEY, parseIntegrationKey);
  const secret = read(ANNOTATION_PAGER_SECRET, parseSecretKeyRef);
  if (
    ANNOTATION_PAGERDUTY_INTEGRATION_KEY in annotations &&
    ANNOTATION_PAGER_SECRET in annotations
  ) {
    problems.push({
      severity: 'error',
      annotation: ANNOTATION_PAGER_SECRET,
      path: '',
      message: `set either ${ANNOTATION_PAGERDUTY_INTEGRATION_KEY} (the key) or ${ANNOTATION_PAGER_SECRET} (a Secret holding it), not both`,
    });
  } else {
    const pager: PagerDutyKey | undefined =
      key !== undefined ? { value: key } : secret && { secret };
    if (pager) {
      receivers.pager = pager;
    }
  }

  const isGroup =
    String(entity?.kind ?? '').toLocaleLowerCase('en-US') === 'group';
  const ticketKeys = [
    ANNOTATION_TICKETS_SLACK_SECRET,
    ANNOTATION_TICKETS_SLACK_CHANNEL,
    ANNOTATION_TICKETS_EMAIL,
    ANNOTATION_TICKETS_WEBHOOK,
  ].filter(annotation => annotation in annotations);
  if (!isGroup) {
    for (const annotation of ticketKeys) {
      problems.push({
        severity: 'warning',
        annotation,
        path: '',
        message:
          "ticket channels are read on Group entities only; put it on the entity's owner",
      });
    }
    return { receivers, problems };
  }
  const tickets: TicketChannel[] = [];
  const webhook = read(ANNOTATION_TICKETS_SLACK_SECRET, parseSecretKeyRef);
  const channel = read(ANNOTATION_TICKETS_SLACK_CHANNEL, parseSlackChannel);
  if (webhook) {
    tickets.push({ type: 'slack', webhook, ...(channel ? { channel } : {}) });
  } else if (channel && !(ANNOTATION_TICKETS_SLACK_SECRET in annotations)) {
    problems.push({
      severity: 'error',
      annotation: ANNOTATION_TICKETS_SLACK_CHANNEL,
      path: '',
      message: `a Slack channel needs its webhook: add ${ANNOTATION_TICKETS_SLACK_SECRET} (<secret>/<key> holding the webhook URL)`,
    });
  }
  const to = read(ANNOTATION_TICKETS_EMAIL, parseEmail);
  if (to) {
    tickets.push({ type: 'email', to });
  }
  const url = read(ANNOTATION_TICKETS_WEBHOOK, parseHttpUrl);
  if (url) {
    tickets.push({ type: 'webhook', url });
  }
  receivers.tickets = tickets;
  return { receivers, problems };
}

/** Keys of the default receiver's config and the routing annotation each one stands for. */
const RECEIVER_KEYS: Record<string, string> = {
  pagerdutyIntegrationKey: ANNOTATION_PAGERDUTY_INTEGRATION_KEY,
  pagerSecret: ANNOTATION_PAGER_SECRET,
  slackSecret: ANNOTATION_TICKETS_SLACK_SECRET,
  slackChannel: ANNOTATION_TICKETS_SLACK_CHANNEL,
  email: ANNOTATION_TICKETS_EMAIL,
  webhook: ANNOTATION_TICKETS_WEBHOOK,
};

/** The config keys of a default receiver besides its `name`. @public */
export const DEFAULT_RECEIVER_KEYS: readonly string[] =
  Object.keys(RECEIVER_KEYS);

/**
 * The default receiver named `name` with the values of `DEFAULT_RECEIVER_KEYS` that are set, or
 * the first error as `<key>: <message>`.
 * @public
 */
export function parseDefaultReceiver(
  name: string,
  values: Readonly<Record<string, string | undefined>>,
): Parsed<ReceiverSpec> {
  const annotations: Record<string, string> = {};
  for (const [key, annotation] of Object.entries(RECEIVER_KEYS)) {
    const value = values[key];
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
    return invalid(`${key}: ${problem.message}`);
  }
  const channels = receivers.tickets.map(describeTicketChannel);
  return valid({
    name,
    ...(receivers.pager && { pagerduty: receivers.pager }),
    tickets: receivers.tickets,
    description: `the default receiver (${[name, ...channels].join(', ')})`,
  });
}
