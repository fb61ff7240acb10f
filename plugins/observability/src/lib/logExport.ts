/*
 * Serialisations of the lines the Logs tab shows, for copy and download: plain text (`.log`)
 * and JSON Lines (`.jsonl`, one LogEntry object per line).
 */
import { LogEntry } from '@lookout/plugin-observability-common';

/** A download format. */
export type LogExportFormat = 'log' | 'jsonl';

/** `<RFC 3339 timestamp> <line>` per entry, newline-terminated. */
export function toLogText(entries: readonly LogEntry[]): string {
  return entries
    .map(entry => `${new Date(entry.timestamp).toISOString()} ${entry.line}\n`)
    .join('');
}

/** One JSON object per entry and line. */
export function toJsonLines(entries: readonly LogEntry[]): string {
  return entries.map(entry => `${JSON.stringify(entry)}\n`).join('');
}

/** Content and MIME type of an export. */
export function exportLogs(
  entries: readonly LogEntry[],
  format: LogExportFormat,
): { content: string; mimeType: string } {
  return format === 'jsonl'
    ? { content: toJsonLines(entries), mimeType: 'application/x-ndjson' }
    : { content: toLogText(entries), mimeType: 'text/plain' };
}

/** `checkout-logs-2025-01-02T03-04-05Z.log`: safe on every file system. */
export function logFileName(
  entityName: string,
  format: LogExportFormat,
  now: number,
): string {
  const stamp = new Date(now)
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replace(/:/g, '-');
  const safeName = entityName.replace(/[^A-Za-z0-9._-]+/g, '_');
  return `${safeName}-logs-${stamp}.${format}`;
}
