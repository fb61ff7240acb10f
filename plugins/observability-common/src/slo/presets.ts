/*
 * The SLO presets (`lookout.dev/slo-availability`, `lookout.dev/slo-latency`): full SLOs over the
 * HTTP server metrics named by the preset configuration, scoped to the entity's series by the
 * `backstage_entity` label.
 */
import { ENTITY_LABEL } from '../annotations/annotations';
import { LabelMatcher, SloPresetConfig, SloSpec } from '../spec/types';
import { Parsed, invalid, valid } from '../validation/result';
import { describeValue } from '../validation/describeValue';
import { parseObjective } from './objective';
import { parseLatencyThreshold } from './threshold';

/** Name of the availability preset SLO. @public */
export const AVAILABILITY_PRESET_NAME = 'availability';
/** Name of the latency preset SLO. @public */
export const LATENCY_PRESET_NAME = 'latency';

const DEFAULT_ALERTING = { page: true, ticket: true, minEvents: 0 };

function entityMatcher(entityRef: string): LabelMatcher {
  return { name: ENTITY_LABEL, op: '=', value: entityRef };
}

/**
 * The availability preset: the share of requests whose status code does not match
 * `errorStatusRegex`.
 * @public
 */
export function availabilityPresetSlo(options: {
  entityRef: string;
  objective: number;
  window: string;
  presets: SloPresetConfig;
}): SloSpec {
  const { entityRef, objective, window, presets } = options;
  return {
    name: AVAILABILITY_PRESET_NAME,
    description: `HTTP requests answered without a server error (${presets.statusCodeLabel} not matching ${presets.errorStatusRegex})`,
    objective,
    window,
    indicator: {
      type: 'ratio',
      errors: {
        metric: presets.requestsMetric,
        matchers: [
          entityMatcher(entityRef),
          {
            name: presets.statusCodeLabel,
            op: '=~',
            value: presets.errorStatusRegex,
          },
        ],
      },
      total: {
        metric: presets.requestsMetric,
        matchers: [entityMatcher(entityRef)],
      },
    },
    alerting: { ...DEFAULT_ALERTING },
    labels: {},
    source: 'preset',
  };
}

/** The latency preset: the share of requests faster than a threshold. @public */
export function latencyPresetSlo(options: {
  entityRef: string;
  objective: number;
  thresholdSeconds: number;
  window: string;
  presets: SloPresetConfig;
}): SloSpec {
  const { entityRef, objective, thresholdSeconds, window, presets } = options;
  return {
    name: LATENCY_PRESET_NAME,
    description: `HTTP requests answered within ${thresholdSeconds}s`,
    objective,
    window,
    indicator: {
      type: 'latency',
      histogram: presets.durationHistogram,
      histogramType: presets.histogramType,
      thresholdSeconds,
      matchers: [entityMatcher(entityRef)],
    },
    alerting: { ...DEFAULT_ALERTING },
    labels: {},
    source: 'preset',
  };
}

const LATENCY_EXAMPLE = 'e.g. "99% < 300ms", "99.5% < 0.3s" or "95% < 1s"';

/**
 * Reads the value of `lookout.dev/slo-latency`: `<objective>% < <threshold>`, spaces optional.
 * @public
 */
export function parseLatencyPreset(
  text: string,
): Parsed<{ objective: number; thresholdSeconds: number }> {
  const match = /^\s*([^%<]*?)\s*%\s*<\s*(.*?)\s*$/.exec(text);
  if (!match) {
    return invalid(
      `${describeValue(
        text,
      )} is not a latency objective; expected "<percent>% < <threshold>", ${LATENCY_EXAMPLE}`,
    );
  }
  const objective = parseObjective(match[1]);
  if (!objective.ok) {
    return invalid(`objective: ${objective.message}`);
  }
  const threshold = parseLatencyThreshold(match[2]);
  if (!threshold.ok) {
    return invalid(`threshold: ${threshold.message}`);
  }
  return valid({
    objective: objective.value,
    thresholdSeconds: threshold.value,
  });
}
