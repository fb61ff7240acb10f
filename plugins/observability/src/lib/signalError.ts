/*
 * What an error of the signals API says to the user: which upstream (Prometheus, Loki, Tempo,
 * Alertmanager...) failed and why. The backend answers upstream failures with
 * `{ error: { name, message, upstream } }` (DESIGN §6); ResponseError keeps that body.
 */
import { isError, ResponseError } from '@backstage/errors';

/** The user-facing parts of an API error. */
export interface SignalErrorInfo {
  /** Upstream system that failed, e.g. `loki`; absent for errors of the backend itself. */
  upstream?: string;
  /** Error name from the server, e.g. `UpstreamTimeoutError`. */
  name: string;
  /** The most specific message available. */
  message: string;
  /** HTTP status, when the error is a response error. */
  statusCode?: number;
}

const UPSTREAM_TITLES: Record<string, string> = {
  prometheus: 'Prometheus',
  thanos: 'Thanos',
  alertmanager: 'Alertmanager',
  loki: 'Loki',
  tempo: 'Tempo',
  grafana: 'Grafana',
};

/** Display name of an upstream: `loki` → `Loki`; unknown names are shown as given. */
export function upstreamTitle(upstream: string): string {
  return UPSTREAM_TITLES[upstream.toLocaleLowerCase('en-US')] ?? upstream;
}

function stringField(value: unknown, field: string): string | undefined {
  if (typeof value === 'object' && value !== null && field in value) {
    const found = (value as Record<string, unknown>)[field];
    return typeof found === 'string' && found ? found : undefined;
  }
  return undefined;
}

/** Reads the upstream name, the server's error name and message out of any thrown value. */
export function describeSignalError(error: unknown): SignalErrorInfo {
  if (error instanceof ResponseError) {
    const body = error.body?.error;
    return {
      upstream:
        stringField(body, 'upstream') ?? stringField(error.cause, 'upstream'),
      name: stringField(body, 'name') ?? error.name,
      message: stringField(body, 'message') ?? error.message,
      statusCode: error.statusCode,
    };
  }
  if (isError(error)) {
    return {
      upstream: stringField(error, 'upstream'),
      name: error.name,
      message: error.message,
    };
  }
  return { name: 'Error', message: String(error) };
}

/** One line naming the failure: `Loki: query timed out (502)`. */
export function signalErrorSummary(error: unknown): string {
  const info = describeSignalError(error);
  const source = info.upstream ? `${upstreamTitle(info.upstream)}: ` : '';
  const status = info.statusCode ? ` (${info.statusCode})` : '';
  return `${source}${info.message}${status}`;
}
