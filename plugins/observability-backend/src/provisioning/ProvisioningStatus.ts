/*
 * The per-sink provisioning status of one entity (`GET .../provisioning`), from the state the
 * reconciler records.
 */
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  EntityProvisioningResponse,
  SinkStatus,
} from '@lookout/plugin-observability-common';
import { ProvisioningStore, SinkState } from '../database/types';
import { isProvisioned } from '@lookout/plugin-observability-common';
import { ProvisioningStatusService } from './types';

function statusOf(state: SinkState): SinkStatus {
  return {
    sink: state.sink,
    state: state.state,
    ...(state.hash ? { hash: state.hash } : {}),
    ...(state.lastSuccessAt !== undefined
      ? { lastSuccessAt: state.lastSuccessAt }
      : {}),
    ...(state.lastAttemptAt !== undefined
      ? { lastAttemptAt: state.lastAttemptAt }
      : {}),
    ...(state.error ? { error: state.error } : {}),
    objects: state.objects,
  };
}

/** The provisioning status of entities for the configured sinks, from the stored state. */
export class ProvisioningStatus implements ProvisioningStatusService {
  constructor(
    private readonly store: ProvisioningStore,
    private readonly sinkNames: string[],
  ) {}

  /** A failed render keeps its last good objects in place; the status says why. */
  async forEntity(entity: Entity): Promise<EntityProvisioningResponse> {
    const entityRef = stringifyEntityRef(entity);
    const state = await this.store.getState(entityRef);
    if (!state) {
      return {
        entityRef,
        sinks: isProvisioned(entity)
          ? this.sinkNames.map(sink => ({ sink, state: 'pending' as const }))
          : [],
      };
    }
    const sinks = this.sinkNames.map((sink): SinkStatus => {
      const sinkState = state.sinks.get(sink);
      const status: SinkStatus = sinkState
        ? statusOf(sinkState)
        : { sink, state: 'pending' };
      if (state.renderError !== undefined) {
        return {
          ...status,
          state: 'error',
          error: `not rendered: ${state.renderError}`,
        };
      }
      if (status.state === 'ok' && status.hash !== state.renderHash) {
        return { ...status, state: 'pending' };
      }
      return status;
    });
    return {
      entityRef,
      ...(state.renderHash ? { renderedHash: state.renderHash } : {}),
      sinks,
    };
  }
}
