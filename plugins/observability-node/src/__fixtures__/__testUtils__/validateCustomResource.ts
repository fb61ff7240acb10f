/*
 * Strict validation of custom resources against the CRDs in `../crds/`, for tests: the
 * `openAPIV3Schema` of the object's group, version and kind, with every object schema closed
 * (no unknown fields) unless it says `x-kubernetes-preserve-unknown-fields` — the API server
 * silently drops unknown fields of structural CRDs, so a misspelt field would otherwise pass.
 */
import fs from 'node:fs';
import path from 'node:path';
import Ajv, { ValidateFunction } from 'ajv';
import { parse } from 'yaml';

type Schema = Record<string, unknown>;

const CRD_DIR = path.resolve(__dirname, '../crds');

/** Closes object schemas and drops the Kubernetes extension keywords ajv does not know. */
function closeSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) {
    return schema.map(closeSchema);
  }
  if (schema === null || typeof schema !== 'object') {
    return schema;
  }
  const source = schema as Schema;
  const result: Schema = {};
  for (const [key, value] of Object.entries(source)) {
    if (key.startsWith('x-kubernetes-')) {
      continue;
    }
    if (key === 'properties' && value && typeof value === 'object') {
      result[key] = Object.fromEntries(
        Object.entries(value).map(([name, sub]) => [name, closeSchema(sub)]),
      );
    } else {
      result[key] = closeSchema(value);
    }
  }
  if (
    source.type === 'object' &&
    source.properties !== undefined &&
    source.additionalProperties === undefined &&
    source['x-kubernetes-preserve-unknown-fields'] !== true
  ) {
    result.additionalProperties = false;
  }
  return result;
}

/** Go RE2 `(?i)` (case-insensitive) becomes JavaScript's `i` flag. */
function goRegExp(pattern: string, flags: string) {
  const insensitive = pattern.includes('(?i)');
  return new RegExp(
    pattern.split('(?i)').join(''),
    insensitive && !flags.includes('i') ? `${flags}i` : flags,
  );
}
goRegExp.code = 'goRegExp';

interface CrdVersion {
  name: string;
  served: boolean;
  schema: { openAPIV3Schema: Schema };
}

function loadValidators(): Map<string, ValidateFunction> {
  const ajv = new Ajv({
    strict: false,
    allErrors: true,
    validateFormats: false,
    code: { regExp: goRegExp as never },
  });
  const validators = new Map<string, ValidateFunction>();
  for (const file of fs.readdirSync(CRD_DIR).filter(f => f.endsWith('.yaml'))) {
    const crd = parse(fs.readFileSync(path.join(CRD_DIR, file), 'utf8'));
    for (const version of crd.spec.versions as CrdVersion[]) {
      if (version.served) {
        validators.set(
          `${crd.spec.group}/${version.name}|${crd.spec.names.kind}`,
          ajv.compile(closeSchema(version.schema.openAPIV3Schema) as Schema),
        );
      }
    }
  }
  return validators;
}

let validators: Map<string, ValidateFunction> | undefined;

/**
 * The schema violations of a custom resource (empty when valid), each as `<path> <message>`.
 * An object whose apiVersion and kind match no CRD here is a violation too.
 */
export function validateCustomResource(object: unknown): string[] {
  validators ??= loadValidators();
  const { apiVersion, kind } = (object ?? {}) as {
    apiVersion?: string;
    kind?: string;
  };
  const validate = validators.get(`${apiVersion}|${kind}`);
  if (!validate) {
    return [`no CRD serves ${apiVersion} ${kind}`];
  }
  if (validate(object)) {
    return [];
  }
  return (validate.errors ?? []).map(
    e =>
      `${e.instancePath || '/'} ${e.message}${
        e.params && 'additionalProperty' in e.params
          ? ` (${String(e.params.additionalProperty)})`
          : ''
      }`,
  );
}
