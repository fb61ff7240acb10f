/*
 * Asks Prometheus to re-read its configuration and rule files (`POST /-/reload`, available with
 * `--web.enable-lifecycle`). Prometheus answers 500 when it rejects the new files and then keeps
 * running the previous ones.
 */

/**
 * Prometheus answered the reload with an error: it rejected the new files (and keeps running the
 * previous ones). Other failures (unreachable, timeout) are plain errors.
 * @public
 */
export class PrometheusReloadRejectedError extends Error {
  readonly name = 'PrometheusReloadRejectedError';
}

/** Options of {@link reloadPrometheus}. @public */
export interface ReloadOptions {
  /** Headers of the request, e.g. Authorization. */
  headers?: Record<string, string>;
  /** Milliseconds before the reload counts as failed. Default 30 000. */
  timeoutMs?: number;
  signal?: AbortSignal;
}

/**
 * Reloads Prometheus. Throws a {@link PrometheusReloadRejectedError} quoting Prometheus' answer when
 * it rejects the configuration (HTTP 500), and a plain error naming the URL when it cannot be asked.
 * @public
 */
export async function reloadPrometheus(
  url: string,
  options: ReloadOptions = {},
): Promise<void> {
  const timeout = AbortSignal.timeout(options.timeoutMs ?? 30_000);
  const signal = options.signal
    ? AbortSignal.any([options.signal, timeout])
    : timeout;
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: options.headers,
      signal,
    });
  } catch (error) {
    throw new Error(
      `Prometheus reload ${url} failed: ${(error as Error).message}`,
    );
  }
  if (!response.ok) {
    const body = (await response.text()).trim();
    const ErrorType =
      response.status === 500 ? PrometheusReloadRejectedError : Error;
    throw new ErrorType(
      `Prometheus rejected the reload (${url}, HTTP ${response.status}): ${
        body || response.statusText
      }`,
    );
  }
  // Drain the (empty) body so the connection is reused.
  await response.arrayBuffer();
}
