/*
 * Which entities get the SLOs tab. The overview card and the Logs and Traces tabs use
 * `isObservabilityAvailable` from the common package (any `lookout.dev/` annotation: logs and
 * traces have defaults, the configured stream selector and the entity name as service); the SLOs
 * tab only appears where an SLO is declared.
 */
import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_OPENSLO,
  ANNOTATION_SLO_AVAILABILITY,
  ANNOTATION_SLO_LATENCY,
  ANNOTATION_SLOS,
} from '@lookout/plugin-observability-common';

/** Annotations that declare SLOs. @public */
export const SLO_ANNOTATIONS: readonly string[] = [
  ANNOTATION_SLO_AVAILABILITY,
  ANNOTATION_SLO_LATENCY,
  ANNOTATION_SLOS,
  ANNOTATION_OPENSLO,
];

/** True when the entity declares at least one SLO annotation. @public */
export function isSloAvailable(entity: Entity): boolean {
  const annotations = entity.metadata.annotations ?? {};
  return SLO_ANNOTATIONS.some(key => Boolean(annotations[key]?.trim()));
}
