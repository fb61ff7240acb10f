/*
 * Extra labels of an SLO (`labels:`), put on its alerts and on `slo_info`. Names must be
 * Prometheus label names that do not collide with the labels Lookout sets itself.
 */
import { Parsed, invalid, valid } from '../validation/result';
import { describeValue } from '../validation/describeValue';
import { problemMessages } from '../validation/problemMessages';
import { isLegacyLabelName } from '../promql/names';

/**
 * Labels that Lookout (or Prometheus) sets on SLO series, `slo_info` and alerts, with what each
 * one means: a definition's `labels` cannot set them (docs/slo-alerting.md).
 * @public
 */
export const RESERVED_SLO_LABEL_REASONS: Readonly<Record<string, string>> = {
  slo: 'names the SLO on every series and alert',
  backstage_entity: 'names the entity on every series and alert',
  severity: 'tells a page from a ticket',
  team: "routes the alerts in Alertmanager (it is the owner's name)",
  owner: 'is the owner on slo_info',
  alertname: 'is the name of the alert',
  alertstate: "is Prometheus' state of the alert",
  objective: 'is the objective on slo_info',
  window: 'is the window on slo_info and of every error ratio',
  indicator: 'is the indicator type on slo_info',
  description: 'is the description on slo_info',
};

/** The names of `RESERVED_SLO_LABEL_REASONS`. @public */
export const RESERVED_SLO_LABELS: readonly string[] = Object.keys(
  RESERVED_SLO_LABEL_REASONS,
);

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
  if (Object.hasOwn(RESERVED_SLO_LABEL_REASONS, name)) {
    return invalid(
      `${describeValue(name)} is reserved by Lookout: it ${
        RESERVED_SLO_LABEL_REASONS[name]
      }; use another name, e.g. tier`,
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
