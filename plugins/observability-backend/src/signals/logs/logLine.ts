/*
 * What the Logs tab reads out of a line besides its text: the trace id (from structured
 * metadata, parsed labels, or the line itself as `trace_id=…` / `"traceId":"…"`) and the level.
 */

const TRACE_ID_KEYS = ['trace_id', 'traceid', 'trace-id'];
const LEVEL_KEYS = [
  'level',
  'detected_level',
  'severity',
  'lvl',
  'severity_text',
];

/**
 * `trace_id=…`, `traceId: …`, `"traceId":"…"`, `"trace-id": "…"`: 32 or 16 hex characters
 * (64-bit ids, as Jaeger clients write, are padded).
 */
const TRACE_ID_IN_LINE =
  /\btrace[_-]?id"?\s*[=:]\s*"?([0-9a-f]{32}|[0-9a-f]{16})(?![0-9a-z])/i;

function normalize(id: string): string | undefined {
  if (!/^([0-9a-f]{32}|[0-9a-f]{16})$/i.test(id) || /^0+$/.test(id)) {
    return undefined;
  }
  return id.toLowerCase().padStart(32, '0');
}

function lookup(
  labels: Record<string, string>,
  keys: readonly string[],
): string | undefined {
  for (const [key, value] of Object.entries(labels)) {
    if (keys.includes(key.toLowerCase())) {
      return value;
    }
  }
  return undefined;
}

/** The trace id of a log line, lowercase 32-character hex, if it names one. */
export function extractTraceId(
  line: string,
  ...labelSets: Array<Record<string, string>>
): string | undefined {
  for (const labels of labelSets) {
    const value = lookup(labels, TRACE_ID_KEYS);
    const id = value && normalize(value);
    if (id) {
      return id;
    }
  }
  const match = TRACE_ID_IN_LINE.exec(line);
  return match ? normalize(match[1]) : undefined;
}

/** The level of a line from its labels (`level`, `detected_level`, `severity`…), lowercase. */
export function detectLevel(
  ...labelSets: Array<Record<string, string>>
): string | undefined {
  for (const labels of labelSets) {
    const value = lookup(labels, LEVEL_KEYS);
    if (value) {
      return value.toLowerCase();
    }
  }
  return undefined;
}
