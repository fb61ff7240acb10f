/*
 * How a found value is quoted in problem messages: short, unambiguous, safe to show in a UI.
 */

const MAX_SHOWN = 60;

/**
 * Describes a value found in an annotation for a problem message: strings are quoted (and cut
 * after 60 characters), other values are named by their YAML type.
 * @internal
 */
export function describeValue(value: unknown): string {
  if (value === undefined) {
    return 'nothing';
  }
  if (value === null) {
    return 'an empty value';
  }
  if (typeof value === 'string') {
    if (value.length === 0) {
      return 'an empty string';
    }
    const shown =
      value.length > MAX_SHOWN ? `${value.slice(0, MAX_SHOWN)}…` : value;
    return JSON.stringify(shown);
  }
  if (typeof value === 'number' || typeof value === 'boolean') {
    return `${typeof value} ${String(value)}`;
  }
  if (Array.isArray(value)) {
    return 'a list';
  }
  if (value instanceof Date) {
    return 'a date';
  }
  if (typeof value === 'object') {
    return 'a map';
  }
  return `a value of type ${typeof value}`;
}

/** Whether a value is a plain map (a YAML mapping), not a list, date or null. @internal */
export function isPlainMap(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return false;
  }
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
