/*
 * The three rule sets the benchmark compares, rendered from the same SLOs: Lookout's (the real
 * renderer), and Sloth's and Pyrra's forms (the emitters verified against the tools' own
 * outputs). Each comes with the queries that read the period error ratio it reports.
 */
import { OPENTELEMETRY_PRESETS } from '@lookout/plugin-observability-common';
import {
  PrometheusRule,
  PrometheusRuleGroup,
  RenderOptions,
  renderSloRuleGroups,
  SLO_ERROR_RATIO,
  WINDOW_LABEL,
} from '@lookout/plugin-observability-node';
import {
  PyrraFormOptions,
  pyrraPeriodErrorRatioQuery,
  pyrraRuleGroups,
  pyrraTotalIncreaseSelector,
} from '../emulators/pyrraForm';
import {
  SlothFormOptions,
  slothErrorRatioRecord,
  slothId,
  slothRuleGroups,
} from '../emulators/slothForm';
import { SyntheticService } from './services';

/** Identifier of a rule set. */
export type RuleSetId = 'lookout' | 'sloth' | 'pyrra';

/** How to read one SLO's period error ratio from a rule set's series. */
export interface PeriodReading {
  service: string;
  /** Instant query of the error ratio over the SLO window. */
  valueQuery: string;
  /** Instant query of the timestamp of the samples it is computed from. */
  timestampQuery: string;
}

/** A rule set, as its tool writes it, and how to read what it reports. */
export interface RuleSet {
  id: RuleSetId;
  title: string;
  groups: PrometheusRuleGroup[];
  /** The recording rules whose output the period error ratio is read from. */
  isPeriodRule: (rule: PrometheusRule) => boolean;
  readings: PeriodReading[];
}

const RENDER_OPTIONS: RenderOptions = {
  backstageBaseUrl: 'http://backstage.bench.invalid',
  presets: OPENTELEMETRY_PRESETS,
  resourceLabels: {},
  defaultNamespace: 'monitoring',
  scrapeKind: 'ServiceMonitor',
};

function quoted(value: string): string {
  return JSON.stringify(value);
}

/** Lookout's rules, from `renderSloRuleGroups`; problems (warnings) are returned beside them. */
export function lookoutRuleSet(
  services: SyntheticService[],
): RuleSet & { problems: string[] } {
  const groups: PrometheusRuleGroup[] = [];
  const problems: string[] = [];
  const windows = new Set(services.map(s => s.slo.window));
  for (const service of services) {
    const rendered = renderSloRuleGroups(
      { entity: service.entity, spec: service.spec },
      RENDER_OPTIONS,
    );
    groups.push(...rendered.groups);
    problems.push(
      ...rendered.problems.map(p => `${service.name}: ${p.path}: ${p.message}`),
    );
  }
  return {
    id: 'lookout',
    title: 'Lookout',
    groups,
    problems,
    isPeriodRule: rule =>
      rule.record === SLO_ERROR_RATIO &&
      windows.has(rule.labels?.[WINDOW_LABEL] ?? ''),
    readings: services.map(service => {
      const selector =
        `${SLO_ERROR_RATIO}{slo=${quoted(service.slo.name)}, ` +
        `backstage_entity=${quoted(
          service.spec.entityRef,
        )}, ${WINDOW_LABEL}=${quoted(service.slo.window)}}`;
      return {
        service: service.name,
        valueQuery: selector,
        timestampQuery: `timestamp(${selector})`,
      };
    }),
  };
}

/** Sloth's settings of a synthetic service. */
export function slothOptions(service: SyntheticService): SlothFormOptions {
  return {
    service: service.name,
    labels: { owner: String(service.entity.spec?.owner ?? '') },
    alertName: 'SLOErrorBudgetBurn',
    pageLabels: { severity: 'page' },
    ticketLabels: { severity: 'ticket' },
  };
}

/** The Sloth form of the SLOs. */
export function slothRuleSet(services: SyntheticService[]): RuleSet {
  const periodRecords = new Set(
    services.map(s => slothErrorRatioRecord(s.slo.window)),
  );
  return {
    id: 'sloth',
    title: 'Sloth form',
    groups: services.flatMap(service =>
      slothRuleGroups(service.slo, slothOptions(service)),
    ),
    isPeriodRule: rule => periodRecords.has(rule.record ?? ''),
    readings: services.map(service => {
      const selector = `${slothErrorRatioRecord(
        service.slo.window,
      )}{sloth_id=${quoted(slothId(service.name, service.slo))}}`;
      return {
        service: service.name,
        valueQuery: selector,
        timestampQuery: `timestamp(${selector})`,
      };
    }),
  };
}

/** Pyrra's settings of a synthetic service: a default `ServiceLevelObjective`. */
export function pyrraOptions(service: SyntheticService): PyrraFormOptions {
  return { name: `${service.name}-${service.slo.name}` };
}

/** The Pyrra form of the SLOs (Pyrra's defaults: no generic rules). */
export function pyrraRuleSet(services: SyntheticService[]): RuleSet {
  return {
    id: 'pyrra',
    title: 'Pyrra form',
    groups: services.flatMap(service =>
      pyrraRuleGroups(service.slo, pyrraOptions(service)),
    ),
    isPeriodRule: rule => /:increase\d/.test(rule.record ?? ''),
    readings: services.map(service => ({
      service: service.name,
      valueQuery: pyrraPeriodErrorRatioQuery(
        service.slo,
        pyrraOptions(service),
      ),
      timestampQuery: `max(timestamp(${pyrraTotalIncreaseSelector(
        service.slo,
        pyrraOptions(service),
      )}))`,
    })),
  };
}

/** Evaluation interval of `group` where it runs with a global interval of `globalInterval`. */
export function nativeInterval(
  group: PrometheusRuleGroup,
  globalInterval: string,
): string {
  return group.interval ?? globalInterval;
}
