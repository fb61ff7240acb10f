/*
 * The catalog query of the reconciler: the entities with an annotation that makes Lookout
 * generate something, streamed page by page with the plugin's own credentials.
 */
import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_METRICS_PORT,
  ANNOTATION_METRICS_TARGETS,
  ANNOTATION_OPENSLO,
  ANNOTATION_SLO_AVAILABILITY,
  ANNOTATION_SLO_LATENCY,
  ANNOTATION_SLOS,
} from '@lookout/plugin-observability-common';
import { CatalogService } from '@backstage/plugin-catalog-node';

/** The annotations whose presence makes Lookout provision objects for an entity. */
export const PROVISIONING_ANNOTATIONS = [
  ANNOTATION_METRICS_PORT,
  ANNOTATION_METRICS_TARGETS,
  ANNOTATION_SLO_AVAILABILITY,
  ANNOTATION_SLO_LATENCY,
  ANNOTATION_SLOS,
  ANNOTATION_OPENSLO,
] as const;

/** The catalog's predicate filter type (`query` of `streamEntities`). */
type EntityPredicate = NonNullable<
  NonNullable<Parameters<CatalogService['streamEntities']>[0]>['query']
>;

/** Catalog predicate: any of {@link PROVISIONING_ANNOTATIONS} exists. */
export const PROVISIONING_QUERY: EntityPredicate = {
  $any: [
    { [`metadata.annotations.${ANNOTATION_METRICS_PORT}`]: { $exists: true } },
    {
      [`metadata.annotations.${ANNOTATION_METRICS_TARGETS}`]: { $exists: true },
    },
    {
      [`metadata.annotations.${ANNOTATION_SLO_AVAILABILITY}`]: {
        $exists: true,
      },
    },
    { [`metadata.annotations.${ANNOTATION_SLO_LATENCY}`]: { $exists: true } },
    { [`metadata.annotations.${ANNOTATION_SLOS}`]: { $exists: true } },
    { [`metadata.annotations.${ANNOTATION_OPENSLO}`]: { $exists: true } },
  ],
};

/** Whether Lookout provisions anything for the entity. */
export function isProvisioned(entity: Entity): boolean {
  const annotations = entity.metadata.annotations ?? {};
  return PROVISIONING_ANNOTATIONS.some(a => annotations[a] !== undefined);
}

/** The annotated entities, in pages; the catalog filters, so other entities never leave it. */
export function streamAnnotatedEntities(
  catalog: CatalogService,
  credentials: BackstageCredentials,
  pageSize = 500,
): AsyncIterable<Entity[]> {
  return catalog.streamEntities(
    { query: PROVISIONING_QUERY, pageSize, totalItems: 'exclude' },
    { credentials },
  );
}
