/*
 * Links between the Logs and Traces tabs. Paths are relative to the current tab's route
 * (`../traces` from `.../logs`) and resolved with react-router's `relative="path"`.
 */

/** How much log time around a trace the "logs of this trace" link covers, on each side. */
export const TRACE_LOG_MARGIN_MS = 60_000;

/** Link to one trace on the Traces tab. */
export function traceLink(tracesPath: string, traceId: string): string {
  return `${tracesPath}?${new URLSearchParams({ traceId })}`;
}

/** Link to the Logs tab filtered on a trace id, over the trace's time plus a margin. */
export function traceLogsLink(
  logsPath: string,
  traceId: string,
  window: { start: number; end: number },
): string {
  const params = new URLSearchParams({
    traceId,
    from: String(Math.floor(window.start - TRACE_LOG_MARGIN_MS)),
    to: String(Math.ceil(window.end + TRACE_LOG_MARGIN_MS)),
  });
  return `${logsPath}?${params}`;
}

/** The LogQL line filter that keeps the lines mentioning a trace id. */
export function traceIdLineFilter(traceId: string): string {
  return `|= ${JSON.stringify(traceId)}`;
}

/** Whether a string is a trace id as the API returns them (lowercase 32-char hex). */
export function isTraceId(value: string): boolean {
  return /^[0-9a-f]{32}$/.test(value);
}
