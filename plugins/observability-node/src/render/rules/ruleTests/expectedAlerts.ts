/*
 * What promtool must report at an instant of a scenario: every `ErrorBudgetBurn` and
 * `SLOMetricsMissing` alert of the entity (a test loads the whole rule file, so the other SLOs'
 * alerts show up too), with exact labels and annotations. An instant is usable only when the
 * model gives the same answer under Prometheus 2 and 3 range semantics, away from every
 * threshold and from the rounding of the printed burn rate.
 */
import { PrometheusRule } from '../../types';
import { tiersOf } from '../alertTiers';
import { BURN_VALUE_TEMPLATE } from '../alertRules';
import { SloContext } from '../sloContext';
import {
  CounterSeries,
  RangeSemantics,
  SloTimeline,
  Verdict,
  currentBurn,
  metricsMissingFires,
  tiersFire,
} from './simulate';

/** An SLO of the entity with its alert rules. @internal */
export interface SloAlertModel {
  context: SloContext;
  page?: PrometheusRule;
  ticket?: PrometheusRule;
  /** Absent when `SLOMetricsMissing` is switched off. */
  missing?: PrometheusRule;
}

/** One expected alert, as promtool's `exp_alerts` entry. @public */
export interface ExpectedAlert {
  exp_labels: Record<string, string>;
  exp_annotations: Record<string, string>;
}

/** The alerts firing at an instant, and the state of the SLO under test. @internal */
export interface AlertState {
  burn: ExpectedAlert[];
  missing: ExpectedAlert[];
  target: { page: boolean; ticket: boolean; missing: boolean };
}

const SEMANTICS: RangeSemantics[] = ['closed', 'leftOpen'];

/** `%.1f` of the burn rate, or undefined when it is too close to a rounding boundary. */
function printedBurn(value: number): string | undefined {
  const tenths = value * 10;
  const fraction = tenths - Math.floor(tenths);
  if (Math.abs(fraction - 0.5) < 1e-6) {
    return undefined;
  }
  return value.toFixed(1);
}

function expandTemplate(text: string, value?: string): string {
  let out = text.split('{{ "{{" }}').join('{{');
  if (value !== undefined) {
    out = out.split(BURN_VALUE_TEMPLATE).join(value);
  }
  return out;
}

function expected(rule: PrometheusRule, value?: string): ExpectedAlert {
  const annotations: Record<string, string> = {};
  for (const [key, text] of Object.entries(rule.annotations ?? {})) {
    annotations[key] = expandTemplate(text, value);
  }
  const labels: Record<string, string> = {};
  for (const [key, text] of Object.entries(rule.labels ?? {})) {
    labels[key] = expandTemplate(text);
  }
  return { exp_labels: labels, exp_annotations: annotations };
}

function sortKey(alert: ExpectedAlert): string {
  return JSON.stringify(
    Object.entries(alert.exp_labels).sort(([a], [b]) => (a < b ? -1 : 1)),
  );
}

function sortAlerts(alerts: ExpectedAlert[]): ExpectedAlert[] {
  return [...alerts].sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : 1));
}

/**
 * The entity's SLOs evaluated over one scenario's input series, under both range semantics.
 * @internal
 */
export class ScenarioModel {
  private readonly timelines: Map<RangeSemantics, SloTimeline[]> = new Map();

  constructor(
    private readonly models: SloAlertModel[],
    private readonly target: string,
    series: CounterSeries[],
    private readonly steps: number,
  ) {
    for (const semantics of SEMANTICS) {
      this.timelines.set(
        semantics,
        models.map(
          m => new SloTimeline(m.context.slo, series, steps, semantics),
        ),
      );
    }
  }

  /** The timeline of the SLO under test (for recorded-value checks). */
  timeline(semantics: RangeSemantics): SloTimeline {
    const index = this.models.findIndex(
      m => m.context.slo.name === this.target,
    );
    return this.timelines.get(semantics)![index];
  }

  /** The alerts at evaluation step `step`, or undefined when the model cannot call them. */
  state(step: number): AlertState | undefined {
    if (step < 0 || step > this.steps) {
      return undefined;
    }
    const burn: ExpectedAlert[] = [];
    const missing: ExpectedAlert[] = [];
    const target = { page: false, ticket: false, missing: false };
    for (let i = 0; i < this.models.length; i++) {
      const model = this.models[i];
      const numbers = model.context.numbers;
      const perSemantics = SEMANTICS.map(semantics => {
        const timeline = this.timelines.get(semantics)![i];
        const verdict = (
          rule: PrometheusRule | undefined,
          severity: 'page' | 'ticket',
        ): Verdict =>
          rule ? tiersFire(timeline, tiersOf(numbers, severity), step) : false;
        return {
          page: verdict(model.page, 'page'),
          ticket: verdict(model.ticket, 'ticket'),
          value: currentBurn(timeline, numbers, step),
          missing: model.missing ? metricsMissingFires(timeline, step) : false,
        };
      });
      const [a, b] = perSemantics;
      for (const key of ['page', 'ticket', 'missing'] as const) {
        if (a[key] === undefined || a[key] !== b[key]) {
          return undefined;
        }
      }
      if (a.page || a.ticket) {
        const printed = printedBurn(a.value);
        if (printed === undefined || printed !== printedBurn(b.value)) {
          return undefined;
        }
        if (a.page) {
          burn.push(expected(model.page!, printed));
        }
        if (a.ticket) {
          burn.push(expected(model.ticket!, printed));
        }
      }
      if (a.missing) {
        missing.push(expected(model.missing!));
      }
      if (model.context.slo.name === this.target) {
        target.page = a.page === true;
        target.ticket = a.ticket === true;
        target.missing = a.missing;
      }
    }
    return { burn: sortAlerts(burn), missing: sortAlerts(missing), target };
  }
}
