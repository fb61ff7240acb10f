/*
 * "Who gets paged" for the entity page: the receivers an alert of the entity reaches per
 * severity, resolved by the same route tree the generated Alertmanager configuration holds
 * (common's `whoGetsPaged` over `routingOf`), with the owner's Group read with the caller's
 * credentials.
 */
import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  alertOwnerRef,
  alertTeamOf,
  hasSloAlerts,
  ObservabilityProblem,
  ObservabilitySpec,
  PagingRoute,
  pagingProblem,
  whoGetsPaged,
} from '@lookout/plugin-observability-common';
import { AlertingOptions, routingOf } from '@lookout/plugin-observability-node';

/** Where an entity's alerts go, and the warning when its pages reach no pager. */
export interface EntityPaging {
  routes: PagingRoute[];
  problem?: ObservabilityProblem;
}

/** Resolves where an entity's alerts go. */
export class PagingService {
  constructor(
    private readonly catalog: CatalogService,
    private readonly alerting: AlertingOptions,
  ) {}

  /** Nothing when the entity has no SLO alerts. */
  async paging(
    entity: Entity,
    spec: ObservabilitySpec,
    credentials: BackstageCredentials,
  ): Promise<EntityPaging | undefined> {
    if (!hasSloAlerts(spec)) {
      return undefined;
    }
    const ownerRef = alertOwnerRef(entity);
    const group = ownerRef
      ? await this.catalog.getEntityByRef(ownerRef, { credentials })
      : undefined;
    const plan = routingOf(
      [{ entity, spec }],
      ref => (ref === ownerRef ? group : undefined),
      this.alerting,
    );
    return {
      routes: whoGetsPaged(plan, {
        entityRef: spec.entityRef,
        team: alertTeamOf(entity),
      }),
      problem: pagingProblem(plan, { entity, spec }),
    };
  }
}
