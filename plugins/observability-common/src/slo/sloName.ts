/*
 * SLO names: DNS labels, because they end up in rule group names, label values and URLs.
 */
import { Parsed, invalid, valid } from '../validation/result';
import { describeValue } from '../validation/describeValue';
import { problemMessages } from '../validation/problemMessages';

/** Pattern of SLO names (a DNS label of at most 63 characters). @public */
export const SLO_NAME_PATTERN = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

/** Validates an SLO name. @public */
export function parseSloName(value: unknown): Parsed<string> {
  const expected =
    'expected lowercase letters, digits and "-", starting and ending with a letter or digit, at most 63 characters, e.g. checkout-availability';
  if (typeof value !== 'string') {
    return invalid(problemMessages.foundExpected(value, `${expected}`));
  }
  if (SLO_NAME_PATTERN.test(value)) {
    return valid(value);
  }
  let reason = 'is not a valid name';
  if (value.length > 63) {
    reason = `is ${value.length} characters long`;
  } else if (/[A-Z]/.test(value)) {
    reason = 'contains capital letters';
  } else if (value === '') {
    reason = 'is empty';
  } else if (/[^a-z0-9-]/.test(value)) {
    reason = 'contains characters other than a-z, 0-9 and "-"';
  }
  return invalid(`${describeValue(value)} ${reason}; ${expected}`);
}
