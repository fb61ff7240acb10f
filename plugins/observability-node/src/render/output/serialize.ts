/*
 * Byte-stable serialisation of generated files: the same value always gives the same bytes.
 */
import { stringify } from 'yaml';

/**
 * YAML as Go tools read it (kubectl, promtool, Prometheus): YAML 1.1 quoting, so strings such as
 * `on`, `yes` or `0755` stay strings; no line folding; no anchors for repeated objects.
 *
 * @public
 */
export function toYaml(value: unknown): string {
  return stringify(value, {
    version: '1.1',
    lineWidth: 0,
    minContentWidth: 0,
    aliasDuplicateObjects: false,
  });
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(sortKeys);
  }
  if (value !== null && typeof value === 'object') {
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      sorted[key] = sortKeys((value as Record<string, unknown>)[key]);
    }
    return sorted;
  }
  return value;
}

/**
 * JSON with object keys sorted at every level, two-space indent and a final newline, so the
 * bytes depend on the content only, not on the order a builder set fields in.
 *
 * @public
 */
export function toStableJson(value: unknown): string {
  return `${JSON.stringify(sortKeys(value), null, 2)}\n`;
}
