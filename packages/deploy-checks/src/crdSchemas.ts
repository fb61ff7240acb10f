/*
 * Strict offline validation of custom resources against their CustomResourceDefinitions.
 *
 * The API server prunes unknown fields of structural CRDs silently, so a misspelt field never
 * reaches the operator and nobody notices. Here every object schema is closed
 * (`additionalProperties: false`) unless it says `x-kubernetes-preserve-unknown-fields`, which
 * turns that silent pruning into a validation error. CEL rules (`x-kubernetes-validations`) are
 * not evaluated.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import type { RegExpEngine } from 'ajv/dist/types';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import { KubeObject, objectId } from './kubeObject';

type JsonSchema = { [keyword: string]: unknown };

/** Keywords of Kubernetes' OpenAPI dialect: known to the validator, meaning nothing to it. */
const KUBERNETES_KEYWORDS = [
  'x-kubernetes-preserve-unknown-fields',
  'x-kubernetes-int-or-string',
  'x-kubernetes-embedded-resource',
  'x-kubernetes-list-type',
  'x-kubernetes-list-map-keys',
  'x-kubernetes-map-type',
  'x-kubernetes-validations',
];

const GO_CASE_INSENSITIVE = '(?i)';

/**
 * Compiles a CRD `pattern` (Go RE2 syntax) into a JavaScript RegExp. RE2's `(?i)` flag group,
 * which JavaScript rejects, becomes the `i` flag of the whole expression (RE2 scopes it to the rest
 * of its group; every such pattern in the operators' CRDs is case-insensitive throughout or
 * close enough for validation).
 *
 * @public
 */
export function goPatternToRegExp(pattern: string, flags = ''): RegExp {
  const caseInsensitive = pattern.includes(GO_CASE_INSENSITIVE);
  const source = pattern.split(GO_CASE_INSENSITIVE).join('');
  const allFlags = flags + (caseInsensitive ? 'i' : '');
  try {
    return new RegExp(source, allFlags);
  } catch {
    // Some RE2 character classes are valid without JavaScript's unicode mode only.
    return new RegExp(source, allFlags.replace('u', ''));
  }
}

const goRegExpEngine: RegExpEngine = Object.assign(
  (pattern: string, flags: string) => goPatternToRegExp(pattern, flags),
  { code: 'goPatternToRegExp' },
);

function isObjectSchema(schema: JsonSchema): boolean {
  return schema.type === 'object';
}

/**
 * A copy of a CRD's schema in which every object without `x-kubernetes-preserve-unknown-fields`
 * rejects properties it does not declare. The root `metadata` stays open: the API server
 * validates ObjectMeta itself.
 *
 * @public
 */
export function closeSchema(schema: JsonSchema, isRoot = true): JsonSchema {
  const closed: JsonSchema = { ...schema };
  const preserve = schema['x-kubernetes-preserve-unknown-fields'] === true;
  if (
    isObjectSchema(schema) &&
    !preserve &&
    schema.additionalProperties === undefined
  ) {
    closed.additionalProperties = false;
  }
  const properties = schema.properties as
    | Record<string, JsonSchema>
    | undefined;
  if (properties) {
    closed.properties = Object.fromEntries(
      Object.entries(properties).map(([name, child]) => [
        name,
        isRoot && name === 'metadata' ? child : closeSchema(child, false),
      ]),
    );
  }
  if (schema.items && typeof schema.items === 'object') {
    closed.items = closeSchema(schema.items as JsonSchema, false);
  }
  if (
    schema.additionalProperties &&
    typeof schema.additionalProperties === 'object'
  ) {
    closed.additionalProperties = closeSchema(
      schema.additionalProperties as JsonSchema,
      false,
    );
  }
  for (const combinator of ['allOf', 'anyOf', 'oneOf']) {
    const branches = schema[combinator] as JsonSchema[] | undefined;
    if (branches) {
      closed[combinator] = branches.map(branch => closeSchema(branch, false));
    }
  }
  if (schema.not && typeof schema.not === 'object') {
    closed.not = closeSchema(schema.not as JsonSchema, false);
  }
  return closed;
}

interface CustomResourceDefinition {
  kind: 'CustomResourceDefinition';
  metadata: { name: string; annotations?: Record<string, string> };
  spec: {
    group: string;
    names: { kind: string };
    versions: Array<{
      name: string;
      served: boolean;
      schema?: { openAPIV3Schema: JsonSchema };
    }>;
  };
}

/** `group/version/Kind` of a custom resource (`monitoring.coreos.com/v1/Prometheus`). @public */
export function resourceKey(
  object: Pick<KubeObject, 'apiVersion' | 'kind'>,
): string {
  return `${object.apiVersion}/${object.kind}`;
}

/** A validation failure, with the path of the offending field inside the object. @public */
export interface SchemaProblem {
  path: string;
  message: string;
}

function describeError(error: ErrorObject): SchemaProblem {
  const path = error.instancePath || '/';
  if (error.keyword === 'additionalProperties') {
    const field = (error.params as { additionalProperty: string })
      .additionalProperty;
    return {
      path: `${path === '/' ? '' : path}/${field}`,
      message: 'unknown field',
    };
  }
  return { path, message: error.message ?? error.keyword };
}

/**
 * Validators for the custom resources of a set of CRDs, compiled lazily (the prometheus-operator
 * schemas are large) and kept per `group/version/Kind`.
 *
 * @public
 */
export class CrdValidator {
  private readonly ajv: Ajv;
  private readonly schemas = new Map<string, JsonSchema>();
  private readonly compiled = new Map<string, ValidateFunction>();
  /** `operator.prometheus.io/version` (or similar) annotations, by CRD name. */
  readonly crdVersions = new Map<string, string>();

  constructor(crds: CustomResourceDefinition[]) {
    this.ajv = new Ajv({
      allErrors: true,
      strict: true,
      // Kubernetes schemas combine `type` with `nullable`, `anyOf` branches with `type`.
      strictTypes: false,
      strictRequired: false,
      code: { regExp: goRegExpEngine },
    });
    addFormats(this.ajv);
    this.ajv.addVocabulary(KUBERNETES_KEYWORDS);
    for (const crd of crds) {
      const version =
        crd.metadata.annotations?.['operator.prometheus.io/version'];
      if (version) {
        this.crdVersions.set(crd.metadata.name, version);
      }
      for (const served of crd.spec.versions.filter(v => v.served)) {
        if (!served.schema) {
          continue;
        }
        const key = `${crd.spec.group}/${served.name}/${crd.spec.names.kind}`;
        this.schemas.set(key, closeSchema(served.schema.openAPIV3Schema));
      }
    }
  }

  /** Reads every CRD of the YAML files in `dir`. */
  static fromDirectory(dir: string): CrdValidator {
    const crds = readdirSync(dir)
      .filter(file => file.endsWith('.yaml'))
      .sort()
      .map(
        file =>
          parse(
            readFileSync(join(dir, file), 'utf8'),
          ) as CustomResourceDefinition,
      )
      .filter(document => document?.kind === 'CustomResourceDefinition');
    return new CrdValidator(crds);
  }

  /** Whether a schema is known for the object's `apiVersion` and `kind`. */
  covers(object: Pick<KubeObject, 'apiVersion' | 'kind'>): boolean {
    return this.schemas.has(resourceKey(object));
  }

  /** The keys (`group/version/Kind`) of every known schema. */
  keys(): string[] {
    return [...this.schemas.keys()].sort();
  }

  /**
   * Every problem of the object against its CRD schema (empty when valid). Throws when no schema
   * is known for its kind.
   */
  validate(object: KubeObject): SchemaProblem[] {
    const key = resourceKey(object);
    let validate = this.compiled.get(key);
    if (!validate) {
      const schema = this.schemas.get(key);
      if (!schema) {
        throw new Error(`No CRD schema for ${key} (${objectId(object)})`);
      }
      validate = this.ajv.compile(schema);
      this.compiled.set(key, validate);
    }
    if (validate(object)) {
      return [];
    }
    return (validate.errors ?? []).map(describeError);
  }
}
