/*
 * A reference to one key of a Kubernetes Secret, written `<secret>/<key>` in annotations and
 * configuration: where a receiver's credential lives when it is not written in the catalog.
 */
import { describeValue } from '../validation/describeValue';
import { Parsed, invalid, valid } from '../validation/result';

/** One key of a Kubernetes Secret. @public */
export interface SecretKeyRef {
  /** Secret name (DNS-1123 subdomain). */
  name: string;
  /** Key inside the Secret (`[-._a-zA-Z0-9]+`). */
  key: string;
}

const SECRET_NAME =
  /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const SECRET_KEY = /^[-._a-zA-Z0-9]+$/;

/** Parses `<secret>/<key>`, both parts as Kubernetes accepts them. @public */
export function parseSecretKeyRef(value: unknown): Parsed<SecretKeyRef> {
  const expected =
    'expected <secret>/<key> of a Kubernetes Secret, e.g. alertmanager-receivers/team-shop-pagerduty-routing-key';
  if (typeof value !== 'string') {
    return invalid(`found ${describeValue(value)}; ${expected}`);
  }
  const parts = value.trim().split('/');
  if (parts.length !== 2) {
    return invalid(
      `${describeValue(value)} is not <secret>/<key>; ${expected}`,
    );
  }
  const [name, key] = parts;
  if (name.length > 253 || !SECRET_NAME.test(name)) {
    return invalid(
      `secret name ${describeValue(
        name,
      )} is not a Kubernetes name (lowercase letters, digits, '-' and '.'); ${expected}`,
    );
  }
  if (
    key.length > 253 ||
    !SECRET_KEY.test(key) ||
    key === '.' ||
    key === '..'
  ) {
    return invalid(
      `secret key ${describeValue(
        key,
      )} is not a valid key (letters, digits, '-', '_' and '.'); ${expected}`,
    );
  }
  return valid({ name, key });
}

/** `<secret>/<key>`, as written in annotations. @public */
export function formatSecretKeyRef(ref: SecretKeyRef): string {
  return `${ref.name}/${ref.key}`;
}
