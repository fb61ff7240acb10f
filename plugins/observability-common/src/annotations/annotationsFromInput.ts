/*
 * Typed settings (the inputs of the `lookout:annotations:add` scaffolder action and the fields of
 * the onboarding form) turned into `lookout.dev/*` annotation values, strings as the catalog
 * stores them. Only shapes are handled here; whether a value is valid is the parser's call.
 */
import {
  ANNOTATION_LOGS_SELECTOR,
  ANNOTATION_METRICS_INTERVAL,
  ANNOTATION_METRICS_PATH,
  ANNOTATION_METRICS_PORT,
  ANNOTATION_RUNBOOK_URL,
  ANNOTATION_SLO_AVAILABILITY,
  ANNOTATION_SLO_LATENCY,
  ANNOTATION_SLO_WINDOW,
  ANNOTATION_SLOS,
  ANNOTATION_TRACES_SERVICE,
} from './annotations';
import { stringify } from 'yaml';
import { invalid, Parsed, valid } from '../validation/result';

/**
 * Settings a template or form may give. Empty strings count as not given (forms send them).
 * @public
 */
export interface LookoutAnnotationInput {
  metricsPort?: string | number;
  metricsPath?: string;
  metricsInterval?: string;
  /** Availability objective in percent, e.g. 99.9. */
  availabilityObjective?: string | number;
  /** Latency objective in percent, e.g. 99 (with `latencyThreshold`). */
  latencyObjective?: string | number;
  /** Latency threshold, e.g. `300ms` (with `latencyObjective`). */
  latencyThreshold?: string;
  window?: string;
  logsSelector?: string;
  tracesService?: string;
  runbookUrl?: string;
  /** Full SLO definitions (`lookout.dev/slos`): a list, or the YAML text of one. */
  slos?: unknown[] | string;
}

function given(value: string | number | undefined): string | undefined {
  if (value === undefined || value === null) {
    return undefined;
  }
  const text = String(value).trim();
  return text === '' ? undefined : text;
}

/**
 * The annotations the settings set, in the documentation's order; a message naming the field
 * when a latency objective comes without its threshold or the other way round.
 * @public
 */
export function annotationsFromInput(
  input: LookoutAnnotationInput,
): Parsed<Record<string, string>> {
  const annotations: Record<string, string> = {};
  const set = (annotation: string, value: string | number | undefined) => {
    const text = given(value);
    if (text !== undefined) {
      annotations[annotation] = text;
    }
  };
  set(ANNOTATION_METRICS_PORT, input.metricsPort);
  set(ANNOTATION_METRICS_PATH, input.metricsPath);
  set(ANNOTATION_METRICS_INTERVAL, input.metricsInterval);
  set(ANNOTATION_SLO_AVAILABILITY, input.availabilityObjective);

  const latencyObjective = given(input.latencyObjective);
  const latencyThreshold = given(input.latencyThreshold);
  if ((latencyObjective === undefined) !== (latencyThreshold === undefined)) {
    return invalid(
      latencyObjective === undefined
        ? 'latencyObjective: is missing; a latency SLO needs both, e.g. latencyObjective 99 with latencyThreshold 300ms'
        : 'latencyThreshold: is missing; a latency SLO needs both, e.g. latencyObjective 99 with latencyThreshold 300ms',
    );
  }
  if (latencyObjective !== undefined) {
    set(ANNOTATION_SLO_LATENCY, `${latencyObjective}% < ${latencyThreshold}`);
  }

  set(ANNOTATION_SLO_WINDOW, input.window);
  if (Array.isArray(input.slos)) {
    if (input.slos.length > 0) {
      annotations[ANNOTATION_SLOS] = stringify(input.slos, { lineWidth: 0 });
    }
  } else {
    set(ANNOTATION_SLOS, input.slos);
  }
  set(ANNOTATION_LOGS_SELECTOR, input.logsSelector);
  set(ANNOTATION_TRACES_SERVICE, input.tracesService);
  set(ANNOTATION_RUNBOOK_URL, input.runbookUrl);
  return valid(annotations);
}
