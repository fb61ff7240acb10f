/*
 * Reads an entity from the catalog on behalf of a caller, so that the catalog's own permission
 * rules decide what the caller may see: a hidden entity is indistinguishable from a missing one.
 */
import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  CompoundEntityRef,
  Entity,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';

/** Looks entities up with the caller's credentials. */
export class EntityLookup {
  constructor(private readonly catalog: CatalogService) {}

  /** The entity, or a NotFoundError when it is missing or the caller may not read it. */
  async get(
    ref: CompoundEntityRef,
    credentials: BackstageCredentials,
  ): Promise<Entity> {
    const entity = await this.catalog.getEntityByRef(ref, { credentials });
    if (!entity) {
      throw new NotFoundError(`No entity ${stringifyEntityRef(ref)}`);
    }
    return entity;
  }
}
