/*
 * Client of Alertmanager's API v2 (`GET /api/v2/alerts`). Only the fields that 0.25 already had
 * are required; fields added later (`status.mutedBy` in 0.28, ...) are optional, unknown ones
 * are ignored.
 */
import { z } from 'zod';
import { parseShape } from '../upstream/parseShape';
import { UpstreamError } from '../upstream/UpstreamError';
import {
  bodyExcerpt,
  parseJsonBody,
  UpstreamHttp,
} from '../upstream/UpstreamHttp';

const gettableAlert = z.object({
  labels: z.record(z.string(), z.string()),
  annotations: z.record(z.string(), z.string()).default({}),
  startsAt: z.string(),
  endsAt: z.string().optional(),
  updatedAt: z.string().optional(),
  fingerprint: z.string(),
  generatorURL: z.string().optional(),
  receivers: z.array(z.object({ name: z.string() })).default([]),
  status: z.object({
    state: z.enum(['unprocessed', 'active', 'suppressed']),
    silencedBy: z.array(z.string()).default([]),
    inhibitedBy: z.array(z.string()).default([]),
    mutedBy: z.array(z.string()).optional(),
  }),
});

/** An alert as Alertmanager's API v2 answers it. @public */
export type AlertmanagerAlert = z.output<typeof gettableAlert>;

/** A matcher of the `filter` parameter, e.g. `{ name: 'slo', op: '=', value: 'availability' }`. @public */
export interface AlertmanagerMatcher {
  name: string;
  op: '=' | '!=' | '=~' | '!~';
  value: string;
}

/** `name="value"` in Alertmanager's matcher syntax, the value quoted and escaped. */
export function formatAlertmanagerMatcher(
  matcher: AlertmanagerMatcher,
): string {
  const value = matcher.value
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\n/g, '\\n');
  return `${matcher.name}${matcher.op}"${value}"`;
}

/** @public */
export class AlertmanagerClient {
  readonly #http: UpstreamHttp;

  constructor(http: UpstreamHttp) {
    this.#http = http;
  }

  /**
   * Alerts matching every matcher. Active, silenced and inhibited alerts are all returned (their
   * `status.state` tells them apart); resolved alerts are not.
   */
  alerts(
    matchers: readonly AlertmanagerMatcher[],
  ): Promise<AlertmanagerAlert[]> {
    const path = '/api/v2/alerts';
    return this.#http.request(
      {
        path,
        query: {
          filter: matchers.map(formatAlertmanagerMatcher),
          active: 'true',
          silenced: 'true',
          inhibited: 'true',
          unprocessed: 'true',
        },
      },
      response => {
        if (response.status !== 200) {
          // Errors are a JSON string (400) or a go-swagger object ({code, message}).
          throw new UpstreamError(
            'alertmanager',
            `${path} answered HTTP ${response.status}: ${bodyExcerpt(
              response.body,
            )}`,
          );
        }
        return parseShape(
          'alertmanager',
          path,
          z.array(gettableAlert),
          parseJsonBody('alertmanager', path, response),
        );
      },
    );
  }
}
