/*
 * Loki tenant ids (`X-Scope-OrgID`), by Loki's rules: at most 150 characters from letters,
 * digits and `!-_.*'()`, and not `.` or `..`. `|` is excluded because it separates the tenants
 * of a multi-tenant query.
 */
import { Parsed, invalid, valid } from '../validation/result';
import { describeValue } from '../validation/describeValue';

const TENANT_PATTERN = /^[A-Za-z0-9!\-_.*'()]+$/;
const MAX_TENANT_LENGTH = 150;

/** Validates a Loki tenant id; `example` is the one the message suggests. @public */
export function parseLokiTenant(
  text: string,
  example = 'shop',
): Parsed<string> {
  const expected = `expected a Loki tenant id: at most 150 letters, digits or !-_.*'() characters, e.g. ${example}`;
  let reason: string | undefined;
  if (text === '') {
    reason = 'is empty';
  } else if (text.length > MAX_TENANT_LENGTH) {
    reason = `is ${text.length} characters long`;
  } else if (text === '.' || text === '..') {
    reason = 'is not allowed by Loki';
  } else if (/\s/.test(text)) {
    reason = 'contains a space';
  } else if (text.includes('|')) {
    reason =
      'contains "|", which separates tenants in multi-tenant queries: give a single tenant';
  } else if (!TENANT_PATTERN.test(text)) {
    reason = 'contains characters Loki does not allow';
  }
  return reason
    ? invalid(`${describeValue(text)} ${reason}; ${expected}`)
    : valid(text);
}
