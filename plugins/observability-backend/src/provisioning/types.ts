/*
 * What the rest of the plugin (the router) needs of provisioning: the status of an entity's
 * generated objects, per configured sink.
 */
import { Entity } from '@backstage/catalog-model';
import { EntityProvisioningResponse } from '@lookout/plugin-observability-common';

/** Reads the provisioning status of entities. */
export interface ProvisioningStatusService {
  /**
   * The entity's status per configured sink: `pending` until a sink has its latest render,
   * `error` with the reason when the sink failed or the entity could not be rendered. No sinks
   * for an entity Lookout does not provision.
   */
  forEntity(entity: Entity): Promise<EntityProvisioningResponse>;
}
