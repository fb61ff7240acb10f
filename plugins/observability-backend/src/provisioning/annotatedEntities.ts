/*
 * The catalog query of the reconciler: the entities with an annotation that makes Lookout
 * generate something (`PROVISIONING_ANNOTATIONS` of the common package), streamed page by page
 * with the plugin's own credentials.
 */
import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { PROVISIONING_ANNOTATIONS } from '@lookout/plugin-observability-common';
import { CatalogService } from '@backstage/plugin-catalog-node';

/** The catalog's predicate filter type (`query` of `streamEntities`). */
type EntityPredicate = NonNullable<
  NonNullable<Parameters<CatalogService['streamEntities']>[0]>['query']
>;

/** Catalog predicate: the annotation exists. */
function annotationExists(annotation: string): EntityPredicate {
  // A computed key widens to a string index, which TypeScript cannot tell from an operator.
  return {
    [`metadata.annotations.${annotation}`]: { $exists: true },
  } as EntityPredicate;
}

/** Catalog predicate: any of `PROVISIONING_ANNOTATIONS` exists. */
export const PROVISIONING_QUERY: EntityPredicate = {
  $any: PROVISIONING_ANNOTATIONS.map(annotationExists),
};

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
