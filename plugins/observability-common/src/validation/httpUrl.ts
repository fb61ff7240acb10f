/*
 * Absolute http(s) URLs (runbooks), checked with the platform's URL parser.
 */
import { Parsed, invalid, valid } from './result';
import { describeValue } from './describeValue';
import { problemMessages } from './problemMessages';

/** Validates an absolute http or https URL, kept as written. @public */
export function parseHttpUrl(value: unknown): Parsed<string> {
  const expected =
    'expected an absolute http(s) URL, e.g. https://runbooks.example.com/checkout';
  if (typeof value !== 'string') {
    return invalid(problemMessages.foundExpected(value, `${expected}`));
  }
  const text = value.trim();
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return invalid(`${describeValue(value)} is not a URL; ${expected}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return invalid(
      `${describeValue(value)} uses ${url.protocol.slice(
        0,
        -1,
      )}, not http or https; ${expected}`,
    );
  }
  if (!url.hostname || /\s/.test(text)) {
    return invalid(
      `${describeValue(value)} is not a valid address; ${expected}`,
    );
  }
  return valid(text);
}
