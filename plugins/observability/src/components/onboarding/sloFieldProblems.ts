/*
 * The onboarding form's SLO field: its value as annotations (the same rule as the scaffolder
 * action, from the common package) and the parser's problems placed under the inputs they are
 * about.
 */
import {
  ANNOTATION_SLO_AVAILABILITY,
  ANNOTATION_SLO_LATENCY,
  ANNOTATION_SLO_WINDOW,
  annotationsFromInput,
  ObservabilityProblem,
} from '@lookout/plugin-observability-common';
import { ObservabilityApi } from '../../api/ObservabilityApi';

/** Value of the SLO field (strings as typed; numbers when a template pre-fills them). */
export interface SloFieldValue {
  availabilityObjective?: string | number;
  latencyObjective?: string | number;
  latencyThreshold?: string;
  window?: string;
}

/** The inputs of the field. */
export type SloFieldInput = keyof SloFieldValue;

/** A message under one input. */
export interface SloFieldProblem {
  input: SloFieldInput;
  severity: 'error' | 'warning';
  message: string;
}

/** Which input a problem of the parser is about. */
function inputOf(problem: ObservabilityProblem): SloFieldInput | undefined {
  switch (problem.annotation) {
    case ANNOTATION_SLO_AVAILABILITY:
      return 'availabilityObjective';
    case ANNOTATION_SLO_WINDOW:
      return 'window';
    case ANNOTATION_SLO_LATENCY:
      // The latency preset's messages start with the part they are about.
      return problem.message.startsWith('threshold:')
        ? 'latencyThreshold'
        : 'latencyObjective';
    default:
      return undefined;
  }
}

/**
 * Every problem of the field's value, from the backend's parser (`POST /validate`); a latency
 * objective without its threshold (or the reverse) is reported without asking the backend.
 */
export async function sloFieldProblems(
  api: ObservabilityApi,
  value: SloFieldValue,
  entityRef?: string,
): Promise<SloFieldProblem[]> {
  const annotations = annotationsFromInput(value);
  if (!annotations.ok) {
    const input = annotations.message.startsWith('latencyThreshold')
      ? 'latencyThreshold'
      : 'latencyObjective';
    return [
      {
        input,
        severity: 'error',
        message: annotations.message.replace(/^\w+: /, ''),
      },
    ];
  }
  if (Object.keys(annotations.value).length === 0) {
    return [];
  }
  const { problems } = await api.validateAnnotations({
    annotations: annotations.value,
    ...(entityRef && { entityRef }),
  });
  return problems.flatMap(problem => {
    const input = inputOf(problem);
    return input
      ? [{ input, severity: problem.severity, message: problem.message }]
      : [];
  });
}
