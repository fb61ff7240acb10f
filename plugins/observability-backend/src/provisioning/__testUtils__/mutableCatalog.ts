/*
 * Test support: the catalog service of `catalogServiceMock`, whose entities a test can replace
 * between reconciler runs (the mock itself is fixed at construction).
 */
import { createServiceFactory } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import {
  CatalogService,
  catalogServiceRef,
} from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';

/** A catalog whose entities can be replaced. */
export class MutableCatalog {
  private current: CatalogService;

  constructor(entities: Entity[]) {
    this.current = catalogServiceMock({ entities });
  }

  /** Replaces the catalog's entities. */
  set(entities: Entity[]): void {
    this.current = catalogServiceMock({ entities });
  }

  /** A catalog service that always reads the current entities. */
  get service(): CatalogService {
    return new Proxy({} as CatalogService, {
      get: (_, method: keyof CatalogService) => {
        const target = this.current[method];
        return typeof target === 'function'
          ? target.bind(this.current)
          : target;
      },
    });
  }

  /** The service factory for `startTestBackend`. */
  factory() {
    const service = this.service;
    return createServiceFactory({
      service: catalogServiceRef,
      deps: {},
      factory: () => service,
    });
  }
}
