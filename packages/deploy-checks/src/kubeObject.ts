/*
 * The shape of a Kubernetes object as it comes out of `kubectl kustomize`, and the few lookups the
 * checks need on a list of them.
 */

/** A Kubernetes object, as parsed from YAML. @public */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
  [field: string]: unknown;
}

/** `Kind namespace/name` (or `Kind name` for cluster-scoped objects), for messages. @public */
export function objectId(object: KubeObject): string {
  const { namespace, name } = object.metadata;
  return `${object.kind} ${namespace ? `${namespace}/` : ''}${name}`;
}

/** The API group of an object (`''` for the core group). @public */
export function apiGroup(object: Pick<KubeObject, 'apiVersion'>): string {
  const slash = object.apiVersion.indexOf('/');
  return slash < 0 ? '' : object.apiVersion.slice(0, slash);
}

/** Kinds of the built-in API that have no namespace. @public */
export const CLUSTER_SCOPED_KINDS: ReadonlySet<string> = new Set([
  'Namespace',
  'ClusterRole',
  'ClusterRoleBinding',
  'CustomResourceDefinition',
]);

/**
 * The object of `kind` named `name` (ConfigMaps and Secrets from generators match with their
 * hash suffix). Throws, naming what was looked for, when there is none or more than one.
 *
 * @public
 */
export function findObject(
  objects: KubeObject[],
  kind: string,
  name: string,
): KubeObject {
  const hashed = new RegExp(`^${name}-[a-z0-9]{10}$`);
  const found = objects.filter(
    o =>
      o.kind === kind &&
      (o.metadata.name === name || hashed.test(o.metadata.name)),
  );
  if (found.length !== 1) {
    throw new Error(
      `Expected one ${kind} named ${name}, found ${found.length}: ${found
        .map(objectId)
        .join(', ')}`,
    );
  }
  return found[0];
}

/** The decoded value of `key` in a Secret or ConfigMap. @public */
export function dataValue(object: KubeObject, key: string): string {
  const data = object.data as Record<string, string> | undefined;
  const stringData = object.stringData as Record<string, string> | undefined;
  if (object.kind === 'Secret' && data?.[key] !== undefined) {
    return Buffer.from(data[key], 'base64').toString('utf8');
  }
  const value = data?.[key] ?? stringData?.[key];
  if (value === undefined) {
    throw new Error(`${objectId(object)} has no key ${key}`);
  }
  return value;
}
