/*
 * Extra labels of an SLO (`labels:`), put on its alerts and on `slo_info`. Names must be
 * Prometheus label names that do not collide with the labels Lookout sets itself.
 */
import { Parsed, invalid, valid } from '../validation/result';
import { describeValue } from '../validation/describeValue';
import { problemMessages } from '../validation/problemMessages';
import { isLegacyLabelName } from '../promql/names';

/** Labels that Lookout sets on SLO series and alerts and that a definition cannot override. @public */
export const RESERVED_SLO_LABELS: readonly string[] = [
  'slo',
  'backstage_entity',
  'severity',
  'window',
];

/** Validates the name of an extra SLO label. @public */
export function parseSloLabelName(name: string): Parsed<string> {
  if (!isLegacyLabelName(name)) {
    return invalid(
      `${describeValue(
        name,
      )} is not a Prometheus label name; expected letters, digits and "_", not starting with a digit, e.g. tier`,
    );
  }
  if (name.startsWith('__')) {
    return invalid(
      `${describeValue(
        name,
      )} starts with "__", which Prometheus reserves for internal labels; use a name such as tier`,
    );
  }
  if (RESERVED_SLO_LABELS.includes(name)) {
    return invalid(
      `${describeValue(
        name,
      )} is set by Lookout itself (reserved: ${RESERVED_SLO_LABELS.join(
        ', ',
      )}); use another name, e.g. tier`,
    );
  }
  return valid(name);
}

/**
 * Validates the value of an extra SLO label. Strings are kept; YAML numbers and booleans
 * (`tier: 1`) are taken as their text, as Sloth and Kubernetes tools do.
 * @public
 */
export function parseSloLabelValue(value: unknown): Parsed<string> {
  if (typeof value === 'string') {
    return valid(value);
  }
  if (typeof value === 'number' && Number.isFinite(value)) {
    return valid(String(value));
  }
  if (typeof value === 'boolean') {
    return valid(String(value));
  }
  return invalid(
    problemMessages.foundExpected(value, `expected a text value, e.g. "1"`),
  );
}
