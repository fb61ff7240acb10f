/*
 * Everything the rule builders need to know about one SLO of one entity, computed once: its
 * identity labels and selector, its exact numbers, its team, and the links of its alerts.
 */
import {
  ENTITY_LABEL,
  RESERVED_SLO_LABELS,
  SloSpec,
  alertOwnerRef,
  alertTeamOf,
} from '@lookout/plugin-observability-common';
import { RenderInput, RenderOptions } from '../types';
import { SloNumbers, sloNumbers } from './alertTiers';
import { dashboardUrl, entityPageUrl, runbookUrl } from './entityLinks';
import { formatLabelMatcher } from '@lookout/plugin-observability-common';
import { SLO_LABEL } from './sloSeries';

/** One SLO of one entity, ready to be rendered. @internal */
export interface SloContext {
  slo: SloSpec;
  entityRef: string;
  /** `{slo="…", backstage_entity="…"}` as labels. */
  identity: Record<string, string>;
  /** The identity as PromQL matchers without braces: `slo="…", backstage_entity="…"`. */
  identityMatchers: string;
  numbers: SloNumbers;
  /** Full ref of the owner, e.g. `group:default/team-shop`. */
  owner?: string;
  /** Routing label of the alerts: the owner's name (`team` is reserved in an SLO's labels). */
  team?: string;
  /** The SLO's own labels, without the ones Lookout sets itself. */
  extraLabels: Record<string, string>;
  links: {
    runbook: string;
    backstage: string;
    dashboard?: string;
  };
}

/** Object with its keys in sorted order, so the YAML is byte-stable. @internal */
export function sortedLabels(
  labels: Record<string, string | undefined>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of Object.keys(labels).sort()) {
    const value = labels[key];
    if (value !== undefined) {
      out[key] = value;
    }
  }
  return out;
}

/** The context of `slo` of `input`. @internal */
export function sloContext(
  slo: SloSpec,
  input: RenderInput,
  options: RenderOptions,
): SloContext {
  const entityRef = input.spec.entityRef;
  const extraLabels: Record<string, string> = {};
  for (const [name, value] of Object.entries(slo.labels)) {
    // The parser refuses these; a spec built another way still cannot override them.
    if (!RESERVED_SLO_LABELS.includes(name)) {
      extraLabels[name] = value;
    }
  }
  const identity = { [SLO_LABEL]: slo.name, [ENTITY_LABEL]: entityRef };
  return {
    slo,
    entityRef,
    identity,
    identityMatchers: [
      formatLabelMatcher({ name: SLO_LABEL, op: '=', value: slo.name }),
      formatLabelMatcher({ name: ENTITY_LABEL, op: '=', value: entityRef }),
    ].join(', '),
    numbers: sloNumbers(slo),
    owner: alertOwnerRef(input.entity),
    team: alertTeamOf(input.entity),
    extraLabels,
    links: {
      runbook: runbookUrl(slo, input, options),
      backstage: entityPageUrl(options.backstageBaseUrl, entityRef),
      dashboard: dashboardUrl(input, options),
    },
  };
}

/** `metric{slo="…", backstage_entity="…"[, extra]}`. @internal */
export function sloSelector(
  context: SloContext,
  metric: string,
  extra?: string,
): string {
  return `${metric}{${context.identityMatchers}${extra ? `, ${extra}` : ''}}`;
}
