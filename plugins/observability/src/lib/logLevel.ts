/*
 * Log levels as the Logs tab filters and colours them, normalised from whatever the line's
 * `level` field or labels say (`ERROR`, `warning`, `fatal`, OpenTelemetry severity texts...).
 */
import { LogEntry } from '@lookout/plugin-observability-common';

/** A normalised level. */
export type LogLevel = 'error' | 'warn' | 'info' | 'debug' | 'unknown';

/** The levels the filter offers, most severe first. */
export const LOG_LEVELS: readonly Exclude<LogLevel, 'unknown'>[] = [
  'error',
  'warn',
  'info',
  'debug',
];

const ALIASES: Record<string, LogLevel> = {
  fatal: 'error',
  critical: 'error',
  crit: 'error',
  emerg: 'error',
  alert: 'error',
  panic: 'error',
  error: 'error',
  err: 'error',
  warning: 'warn',
  warn: 'warn',
  notice: 'info',
  info: 'info',
  information: 'info',
  debug: 'debug',
  trace: 'debug',
};

/** Labels that carry a level, in order of preference. */
const LEVEL_LABELS = [
  'level',
  'detected_level',
  'severity',
  'severity_text',
  'lvl',
];

/** Normalises one level word; unknown words give `unknown`. */
export function normalizeLevel(value: string | undefined): LogLevel {
  if (!value) {
    return 'unknown';
  }
  return ALIASES[value.trim().toLocaleLowerCase('en-US')] ?? 'unknown';
}

/** The level of a line: the backend's detected level, else a level-like label. */
export function logLevelOf(entry: LogEntry): LogLevel {
  if (entry.level) {
    return normalizeLevel(entry.level);
  }
  for (const label of LEVEL_LABELS) {
    if (entry.labels[label]) {
      return normalizeLevel(entry.labels[label]);
    }
  }
  return 'unknown';
}
