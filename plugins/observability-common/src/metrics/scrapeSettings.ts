/*
 * Validators of the scrape annotations: `metrics-port`, `metrics-path`, `metrics-interval` and
 * `metrics-targets`.
 */
import { Parsed, invalid, valid } from '../validation/result';
import { describeValue } from '../validation/describeValue';
import { problemMessages, readNumberText } from '../validation/problemMessages';
import { parsePrometheusDuration } from '../duration/duration';

/** Default scrape path. @public */
export const DEFAULT_METRICS_PATH = '/metrics';
/** Default scrape interval. @public */
export const DEFAULT_METRICS_INTERVAL = '30s';

const MIN_INTERVAL_MS = 5_000;
const MAX_INTERVAL_MS = 300_000;

/**
 * A Service port: a number from 1 to 65535, or a port name following Kubernetes' IANA_SVC_NAME
 * rules (lowercase letters, digits and `-`, at most 15 characters, at least one letter, no `--`,
 * not starting or ending with `-`).
 * @public
 */
export function parseMetricsPort(text: string): Parsed<string | number> {
  const expected =
    'expected a port number from 1 to 65535 or a Service port name (lowercase letters, digits and "-", at most 15 characters, at least one letter), e.g. 9090 or http-metrics';
  const number = readNumberText(text);
  if (!number.ok && number.fault !== 'not a number') {
    return invalid(problemMessages.badNumber(text, number.fault, expected));
  }
  if (number.ok) {
    let fault: string | undefined;
    if (!/^\d+$/.test(text)) {
      fault = 'is not a whole number';
    } else if (number.value === 0) {
      fault = 'is not a port: ports start at 1';
    } else if (text.startsWith('0')) {
      fault = 'has a leading zero';
    } else if (number.value > 65535) {
      fault = 'is too large: above 65535';
    }
    return fault
      ? invalid(`${describeValue(text)} ${fault}; ${expected}`)
      : valid(number.value);
  }
  let reason: string | undefined;
  if (text === '') {
    reason = 'is empty';
  } else if (/\s/.test(text)) {
    reason = 'contains a space';
  } else if (/[A-Z]/.test(text)) {
    reason = 'contains capital letters';
  } else if (/[^a-z0-9-]/.test(text)) {
    reason = 'contains characters other than a-z, 0-9 and "-"';
  } else if (text.length > 15) {
    reason = `is ${text.length} characters long`;
  } else if (!/[a-z]/.test(text)) {
    reason = 'has no letter';
  } else if (text.startsWith('-') || text.endsWith('-')) {
    reason = 'starts or ends with "-"';
  } else if (text.includes('--')) {
    reason = 'contains "--"';
  }
  return reason
    ? invalid(`${describeValue(text)} ${reason}; ${expected}`)
    : valid(text);
}

/** The path of the metrics endpoint: starts with `/`, no query string or spaces. @public */
export function parseMetricsPath(text: string): Parsed<string> {
  const expected = 'expected a path starting with "/", e.g. /metrics';
  if (!text.startsWith('/')) {
    return invalid(
      `${describeValue(text)} does not start with "/"; ${expected}`,
    );
  }
  if (/[\s?#]/.test(text)) {
    return invalid(
      `${describeValue(
        text,
      )} contains a space, "?" or "#"; ${expected} (without query parameters)`,
    );
  }
  return valid(text);
}

/** A scrape interval: a Prometheus duration from 5s to 5m, kept as written. @public */
export function parseMetricsInterval(text: string): Parsed<string> {
  const expected = 'expected a duration from 5s to 5m, e.g. 30s or 1m';
  const milliseconds = parsePrometheusDuration(text);
  if (milliseconds === undefined) {
    return invalid(`${describeValue(text)} is not a duration; ${expected}`);
  }
  if (milliseconds < MIN_INTERVAL_MS) {
    return invalid(`${describeValue(text)} is shorter than 5s; ${expected}`);
  }
  if (milliseconds > MAX_INTERVAL_MS) {
    return invalid(
      `${describeValue(
        text,
      )} is longer than 5m, which leaves gaps in rate() over 5m windows; ${expected}`,
    );
  }
  return valid(text);
}

const DNS_LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/i;
const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

function isHost(host: string): boolean {
  if (host.startsWith('[') && host.endsWith(']')) {
    try {
      return new URL(`http://${host}/`).hostname.startsWith('[');
    } catch {
      return false;
    }
  }
  const ipv4 = IPV4.exec(host);
  if (ipv4) {
    return ipv4.slice(1).every(octet => Number(octet) <= 255);
  }
  if (/^[\d.]+$/.test(host)) {
    return false; // looks like an IPv4 address but is not one
  }
  return (
    host.length <= 253 && host.split('.').every(label => DNS_LABEL.test(label))
  );
}

/**
 * Static targets: comma-separated `host:port`, where host is a DNS name, an IPv4 address or an
 * IPv6 address in brackets. Returns the targets, trimmed, in order, without duplicates, and the
 * message of every invalid entry.
 * @public
 */
export function parseMetricsTargets(text: string): {
  targets: string[];
  invalid: string[];
} {
  const expected =
    'expected host:port with a DNS name, an IPv4 address or an [IPv6] address and a port from 1 to 65535, e.g. legacy-1.example.com:9100 or [2001:db8::1]:9100';
  const targets: string[] = [];
  const problems: string[] = [];
  const items = text.split(',').map(item => item.trim());
  items.forEach((item, index) => {
    if (item === '') {
      if (items.length > 1 || text.trim() === '') {
        problems.push(`target ${index + 1} is empty; ${expected}`);
      }
      return;
    }
    const match = /^(.*):(\d+)$/.exec(item);
    if (!match) {
      problems.push(`${describeValue(item)} has no :port; ${expected}`);
      return;
    }
    const [, host, portText] = match;
    const port = Number(portText);
    if (!isHost(host)) {
      problems.push(
        `${describeValue(host)} in ${describeValue(
          item,
        )} is not a host name or IP address; ${expected}`,
      );
    } else if (port < 1 || port > 65535 || portText.startsWith('0')) {
      problems.push(
        `${portText} in ${describeValue(
          item,
        )} is not a port number; ${expected}`,
      );
    } else if (!targets.includes(item)) {
      targets.push(item);
    }
  });
  return { targets, invalid: problems };
}
