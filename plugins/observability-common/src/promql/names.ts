/*
 * Prometheus metric and label names in their classic ("legacy") character set, which every
 * Prometheus version accepts unquoted.
 */

/** `[a-zA-Z_:][a-zA-Z0-9_:]*` @public */
export const METRIC_NAME_PATTERN = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;

/** `[a-zA-Z_][a-zA-Z0-9_]*` @public */
export const LABEL_NAME_PATTERN = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/** Whether `name` can be written unquoted as a metric name. @public */
export function isLegacyMetricName(name: string): boolean {
  return METRIC_NAME_PATTERN.test(name);
}

/** Whether `name` can be written unquoted as a label name. @public */
export function isLegacyLabelName(name: string): boolean {
  return LABEL_NAME_PATTERN.test(name);
}
