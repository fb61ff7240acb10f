/*
 * The shape shared by every custom resource Lookout generates, and the metadata that marks it as
 * Lookout's: `app.kubernetes.io/managed-by: lookout` plus the entity ref annotation (DESIGN §4).
 */
import { DEFAULT_INSTANCE_ID } from '../output/generatedNotice';
import { RenderOptions } from '../types';

/** Label that marks generated objects; Prometheus selects Lookout's objects by it. @public */
export const MANAGED_BY_LABEL = 'app.kubernetes.io/managed-by';

/** Value of {@link MANAGED_BY_LABEL} on generated objects. @public */
export const MANAGED_BY_VALUE = 'lookout';

/**
 * Label naming the installation (`observability.instanceId`) that owns a generated object: the
 * only one that may update or delete it. @public
 */
export const INSTANCE_LABEL = 'lookout.dev/instance';

/** Annotation naming the entity an object was generated from. @public */
export const ENTITY_REF_ANNOTATION = 'backstage.io/entity-ref';

/** Metadata of a generated object. @public */
export interface GeneratedObjectMeta {
  name: string;
  namespace: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
}

/** A generated Kubernetes custom resource. @public */
export interface GeneratedObject<Spec extends object = object> {
  apiVersion: string;
  kind: string;
  metadata: GeneratedObjectMeta;
  spec: Spec;
}

/** Where an entity's objects live and what identifies them. @public */
export interface ObjectTarget {
  entityRef: string;
  /** Object name, the entity's slug. */
  name: string;
  /** The workload namespace (`backstage.io/kubernetes-namespace`), if any. */
  workloadNamespace?: string;
}

/**
 * Metadata of an entity's objects: named after the slug, in the workload's namespace (or the
 * configured default), labelled with the configured resource labels and `managed-by: lookout`
 * (which cannot be overridden), annotated with the entity ref.
 *
 * @public
 */
export function objectMetadata(
  target: ObjectTarget,
  options: Pick<
    RenderOptions,
    'resourceLabels' | 'defaultNamespace' | 'instanceId'
  >,
): GeneratedObjectMeta {
  return {
    name: target.name,
    namespace: target.workloadNamespace ?? options.defaultNamespace,
    labels: {
      ...options.resourceLabels,
      [MANAGED_BY_LABEL]: MANAGED_BY_VALUE,
      [INSTANCE_LABEL]: options.instanceId ?? DEFAULT_INSTANCE_ID,
    },
    annotations: { [ENTITY_REF_ANNOTATION]: target.entityRef },
  };
}
