/*
 * The routing side of a CLI run: the catalog's Group entities (where owners' receivers are read
 * from), their routing annotations' problems, and the warning of every rendered entity whose
 * pages reach no pager. `render` and `validate` report the same lines.
 */
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  hasAlertReceivers,
  pagingProblem,
  parseAlertReceivers,
  RoutingPlan,
} from '@lookout/plugin-observability-common';
import { routingOf } from '../render/alertmanager';
import { RenderInput } from '../render/types';
import { formatProblem } from './formatProblem';
import { CatalogEntity } from './readCatalog';
import { CliSettings } from './readSettings';

/** The routing of a run and what to print about it. */
export interface CatalogRouting {
  plan: RoutingPlan;
  /** Problem lines: Groups' routing annotations, then entities whose pages reach no pager. */
  lines: string[];
  /** Whether a Group's routing annotation has an error. */
  failed: boolean;
}

/** The catalog's Group entities by ref. */
function groupsOf(entities: CatalogEntity[]): Map<string, Entity> {
  const groups = new Map<string, Entity>();
  for (const { entity } of entities) {
    if (String(entity.kind).toLocaleLowerCase('en-US') === 'group') {
      try {
        groups.set(stringifyEntityRef(entity), entity);
      } catch {
        // not a valid entity: the catalog would refuse it too
      }
    }
  }
  return groups;
}

/** The routing plan of the rendered `inputs`, with the owners' Groups read from `entities`. */
export function catalogRouting(
  entities: CatalogEntity[],
  inputs: RenderInput[],
  settings: CliSettings,
): CatalogRouting {
  const groups = groupsOf(entities);
  const lines: string[] = [];
  let failed = false;
  for (const [ref, group] of groups) {
    if (!hasAlertReceivers(group)) {
      continue;
    }
    for (const problem of parseAlertReceivers(group).problems) {
      failed ||= problem.severity === 'error';
      lines.push(formatProblem(ref, problem));
    }
  }
  const plan = routingOf(inputs, ref => groups.get(ref), settings.alerting);
  for (const input of inputs) {
    const problem = pagingProblem(plan, input);
    if (problem) {
      lines.push(formatProblem(input.spec.entityRef, problem));
    }
  }
  return { plan, lines, failed };
}
