/*
 * `GET .../alerts`: the active alerts of an entity from its alert source.
 */
import {
  EntityAlertsResponse,
  ObservabilitySpec,
} from '@lookout/plugin-observability-common';
import { AlertService, AlertSource } from '../types';

/** @public */
export class EntityAlertService implements AlertService {
  constructor(private readonly source: AlertSource) {}

  async getEntityAlerts(
    spec: ObservabilitySpec,
  ): Promise<EntityAlertsResponse> {
    return {
      entityRef: spec.entityRef,
      items: await this.source.alertsOf(spec.entityRef),
    };
  }
}
