/*
 * Typed failures of the upstream systems (Prometheus/Thanos, Alertmanager, Loki, Tempo).
 *
 * They carry a numeric `statusCode` (502 or 504) and the `upstream` they come from. Backstage's
 * error handler (`MiddlewareFactory.error()` in @backstage/backend-defaults) answers any error
 * with a whole-number `statusCode` field with that status, and serializes the error's own fields,
 * so the body is `{ error: { name, message, upstream, statusCode }, request, response }` without
 * any error middleware or hand-built response in this plugin.
 */
import { CustomErrorBase } from '@backstage/errors';

/** The systems the signals API reads. @public */
export type UpstreamName = 'prometheus' | 'alertmanager' | 'loki' | 'tempo';

/**
 * An upstream answered with an error, answered something that is not what its API documents, or
 * could not be reached. Answered as 502 Bad Gateway.
 * @public
 */
export class UpstreamError extends CustomErrorBase {
  name = 'UpstreamError' as const;
  readonly statusCode = 502;

  constructor(readonly upstream: UpstreamName, message: string) {
    super(`${upstream}: ${message}`);
  }
}

/**
 * An upstream did not answer within its configured timeout. Answered as 504 Gateway Timeout.
 * @public
 */
export class UpstreamTimeoutError extends CustomErrorBase {
  name = 'UpstreamTimeoutError' as const;
  readonly statusCode = 504;

  constructor(readonly upstream: UpstreamName, message: string) {
    super(`${upstream}: ${message}`);
  }
}
