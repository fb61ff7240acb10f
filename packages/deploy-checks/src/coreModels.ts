/*
 * Validation of built-in Kubernetes objects with kubernetes-models (the OpenAPI schemas of the
 * Kubernetes API, precompiled): wrong types, missing required fields, invalid enums.
 */
import { Deployment, StatefulSet } from 'kubernetes-models/apps/v1';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1';
import {
  ClusterRole,
  ClusterRoleBinding,
  Role,
  RoleBinding,
} from 'kubernetes-models/rbac.authorization.k8s.io/v1';
import { CustomResourceDefinition } from 'kubernetes-models/apiextensions.k8s.io/v1';
import {
  ConfigMap,
  Namespace,
  Secret,
  Service,
  ServiceAccount,
} from 'kubernetes-models/v1';
import { KubeObject, objectId } from './kubeObject';

interface Model {
  validate(): void;
}
type ModelClass = new (data: never) => Model;

const MODELS: Record<string, ModelClass> = {
  'v1/Namespace': Namespace,
  'v1/ServiceAccount': ServiceAccount,
  'v1/ConfigMap': ConfigMap,
  'v1/Secret': Secret,
  'v1/Service': Service,
  'apps/v1/Deployment': Deployment,
  'apps/v1/StatefulSet': StatefulSet,
  'policy/v1/PodDisruptionBudget': PodDisruptionBudget,
  'rbac.authorization.k8s.io/v1/ClusterRole': ClusterRole,
  'rbac.authorization.k8s.io/v1/ClusterRoleBinding': ClusterRoleBinding,
  'rbac.authorization.k8s.io/v1/Role': Role,
  'rbac.authorization.k8s.io/v1/RoleBinding': RoleBinding,
  'apiextensions.k8s.io/v1/CustomResourceDefinition': CustomResourceDefinition,
};

/** Whether the object is of a built-in kind that {@link validateCoreObject} knows. @public */
export function isCoreKind(
  object: Pick<KubeObject, 'apiVersion' | 'kind'>,
): boolean {
  return `${object.apiVersion}/${object.kind}` in MODELS;
}

/**
 * The object as the API server decodes it: Kustomize wraps long base64 values of Secret `data`
 * over several lines, which Go's base64 decoder accepts (it skips line breaks) and the models'
 * `byte` format does not.
 */
function asDecoded(object: KubeObject): KubeObject {
  if (object.kind !== 'Secret' || !object.data) {
    return object;
  }
  const data = Object.fromEntries(
    Object.entries(object.data as Record<string, string>).map(
      ([key, value]) => [key, value.replace(/[\r\n]/g, '')],
    ),
  );
  return { ...object, data };
}

/**
 * Validates a built-in object with its kubernetes-models class; returns the problem (`undefined`
 * when valid). Throws for kinds it does not know.
 *
 * @public
 */
export function validateCoreObject(object: KubeObject): string | undefined {
  const Model = MODELS[`${object.apiVersion}/${object.kind}`];
  if (!Model) {
    throw new Error(
      `No kubernetes-models class for ${object.apiVersion} ${object.kind}`,
    );
  }
  try {
    new Model(asDecoded(object) as never).validate();
    return undefined;
  } catch (error) {
    return `${objectId(object)}: ${(error as Error).message}`;
  }
}
