/*
 * The routing plan of a render: the entities rendered, their owners' Group entities, the
 * configured settings. The CLI and the backend's reconciler both call this.
 */
import { Entity } from '@backstage/catalog-model';
import {
  buildRoutingPlan,
  collectRouting,
  RoutingPlan,
} from '@lookout/plugin-observability-common';
import { RenderInput } from '../types';
import { AlertingOptions } from './alertingOptions';

/** The routing plan of `inputs`, reading owners' receivers from `groupOf`. @public */
export function routingOf(
  inputs: RenderInput[],
  groupOf: (groupRef: string) => Entity | undefined,
  alerting: AlertingOptions,
): RoutingPlan {
  return buildRoutingPlan(collectRouting(inputs, groupOf), alerting.settings);
}
