/*
 * `lookout.dev/slos`: a YAML list of full SLO definitions (DESIGN §3), validated with zod. Every
 * problem is reported with its path (`[1].ratio.errors`); an entry with an error is left out
 * whole, the others are kept.
 */
import { z } from 'zod';
import { ANNOTATION_SLOS } from '../annotations/annotations';
import {
  LatencyIndicator,
  ObservabilityProblem,
  RatioIndicator,
  SloSpec,
  VectorSelector,
} from '../spec/types';
import { Parsed, invalid, valid } from '../validation/result';
import { describeValue, isPlainMap } from '../validation/describeValue';
import { problemMessages } from '../validation/problemMessages';
import { parseHttpUrl } from '../validation/httpUrl';
import {
  AnnotationProblems,
  readAnnotationList,
} from '../validation/annotationProblems';
import {
  formatProblemPath,
  optionalField,
  requiredField,
  strictMap,
} from '../validation/zodFields';
import {
  parseVectorSelector,
  SELECTOR_EXAMPLE,
} from '../promql/vectorSelector';
import { isLegacyMetricName } from '../promql/names';
import { parseObjective } from './objective';
import { parseSloWindow } from './window';
import { parseLatencyThreshold } from './threshold';
import { parseSloName } from './sloName';
import { parseSloLabelName, parseSloLabelValue } from './sloLabels';
import { measuresNothing } from './measuresNothing';
import { requirePrometheus2Selector } from '../promql/prometheus2Selector';
import {
  describeUnreachableTier,
  findUnreachableTiers,
} from './unreachableTiers';

const RATIO_EXAMPLE =
  'ratio:\n  errors: http_requests_total{job="checkout", code=~"5.."}\n  total: http_requests_total{job="checkout"}';
const DEFINITION_EXAMPLE = `- name: availability\n  objective: 99.9\n  ${RATIO_EXAMPLE.split(
  '\n',
).join('\n  ')}`;

function parseText(value: unknown): Parsed<string> {
  return typeof value === 'string'
    ? valid(value)
    : invalid(problemMessages.foundExpected(value, `expected text`));
}

function parseBoolean(value: unknown): Parsed<boolean> {
  if (typeof value === 'boolean') {
    return valid(value);
  }
  const hint =
    typeof value === 'string' && /^(true|false)$/i.test(value.trim())
      ? ' (write it without quotes)'
      : '';
  return invalid(
    problemMessages.foundExpected(value, `expected true or false${hint}`),
  );
}

function parseMinEvents(value: unknown): Parsed<number> {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) {
    return valid(value);
  }
  return invalid(
    problemMessages.foundExpected(
      value,
      `expected a whole number of events, 0 or more, e.g. 100`,
    ),
  );
}

/** A counter selector of a ratio: a bare selector that names its metric. */
function parseCounterSelector(value: unknown): Parsed<VectorSelector> {
  if (typeof value !== 'string') {
    return invalid(
      problemMessages.foundExpected(
        value,
        `expected a metric selector, e.g. ${SELECTOR_EXAMPLE}`,
      ),
    );
  }
  const selector = parseVectorSelector(value.trim());
  if (selector.ok && !selector.value.metric) {
    return invalid(
      `${describeValue(
        value,
      )} names no metric; a ratio counts the events of a counter, e.g. ${SELECTOR_EXAMPLE}`,
    );
  }
  return selector.ok ? prometheus2(value, selector.value) : selector;
}

/** The selector if Prometheus 2 can read its rules, else why not, naming the value. */
function prometheus2(value: string, selector: VectorSelector) {
  const checked = requirePrometheus2Selector(selector);
  return checked.ok
    ? checked
    : invalid<VectorSelector>(`${describeValue(value)}: ${checked.message}`);
}

function parseHistogramName(value: unknown): Parsed<string> {
  const expected =
    'expected the base name of a histogram, e.g. http_request_duration_seconds';
  if (typeof value !== 'string') {
    return invalid(problemMessages.foundExpected(value, `${expected}`));
  }
  if (!isLegacyMetricName(value)) {
    return invalid(`${describeValue(value)} is not a metric name; ${expected}`);
  }
  const suffix = /_(bucket|count|sum)$/.exec(value);
  if (suffix) {
    return invalid(
      `${describeValue(value)} ends in _${
        suffix[1]
      }; give the histogram's base name without it: ${value.slice(
        0,
        -suffix[0].length,
      )}`,
    );
  }
  return valid(value);
}

function parseLatencySelector(value: unknown): Parsed<VectorSelector> {
  if (typeof value !== 'string') {
    return invalid(
      problemMessages.foundExpected(
        value,
        `expected label matchers in braces, e.g. '{job="checkout"}' (quoted in YAML)`,
      ),
    );
  }
  const selector = parseVectorSelector(value.trim(), { metricSupplied: true });
  return selector.ok ? prometheus2(value, selector.value) : selector;
}

const labelsSchema = z
  .unknown()
  .transform((value, ctx): Record<string, string> => {
    if (!isPlainMap(value)) {
      ctx.addIssue({
        code: 'custom',
        message: problemMessages.foundExpected(
          value,
          `expected a map of label names to values, e.g. { tier: "1" }`,
        ),
      });
      return z.NEVER;
    }
    const labels: Record<string, string> = {};
    for (const [name, raw] of Object.entries(value)) {
      const labelName = parseSloLabelName(name);
      const labelValue = parseSloLabelValue(raw);
      if (!labelName.ok) {
        ctx.addIssue({
          code: 'custom',
          message: labelName.message,
          path: [name],
        });
      } else if (!labelValue.ok) {
        ctx.addIssue({
          code: 'custom',
          message: labelValue.message,
          path: [name],
        });
      } else {
        labels[name] = labelValue.value;
      }
    }
    return labels;
  });

const ratioSchema = strictMap(
  {
    errors: optionalField(parseCounterSelector),
    good: optionalField(parseCounterSelector),
    total: requiredField(
      parseCounterSelector,
      `a metric selector, e.g. ${SELECTOR_EXAMPLE}`,
    ),
  },
  'a map with errors (or good) and total',
);

const latencySchema = strictMap(
  {
    histogram: requiredField(
      parseHistogramName,
      'the base name of a histogram, e.g. http_request_duration_seconds',
    ),
    threshold: requiredField(parseLatencyThreshold, 'a duration, e.g. 300ms'),
    selector: optionalField(parseLatencySelector),
    native: optionalField(parseBoolean),
  },
  'a map with histogram, threshold and selector',
);

const alertingSchema = strictMap(
  {
    page: optionalField(parseBoolean),
    ticket: optionalField(parseBoolean),
    metricsMissing: optionalField(parseBoolean),
    minEvents: optionalField(parseMinEvents),
    runbook: optionalField(parseHttpUrl),
  },
  'a map with page, ticket, metricsMissing, minEvents or runbook',
);

const definitionSchema = strictMap(
  {
    name: requiredField(parseSloName, 'a name, e.g. availability'),
    description: optionalField(parseText),
    objective: requiredField(parseObjective, 'a percentage, e.g. 99.9'),
    window: optionalField(parseSloWindow),
    ratio: ratioSchema.optional(),
    latency: latencySchema.optional(),
    alerting: alertingSchema.optional(),
    labels: labelsSchema.optional(),
  },
  'an SLO definition (a map with name, objective and ratio or latency)',
);

type SloDefinition = z.output<typeof definitionSchema>;

const FIELDS_BY_PARENT: Record<string, readonly string[]> = {
  '': Object.keys(definitionSchema.shape),
  ratio: Object.keys(ratioSchema.shape),
  latency: Object.keys(latencySchema.shape),
  alerting: Object.keys(alertingSchema.shape),
};

/** The fields of an SLO definition, by the object they are in (`''` for the top level). @public */
export const SLO_DEFINITION_FIELDS: Readonly<
  Record<string, readonly string[]>
> = FIELDS_BY_PARENT;

/** What `parseSloDefinitions` needs to know about the rest of the entity. @public */
export interface SloDefinitionsContext {
  /** Window of definitions without one (`lookout.dev/slo-window` or `30d`). */
  defaultWindow: string;
  /** Names already taken, e.g. by presets, with the annotation that took each. */
  takenNames?: ReadonlyMap<string, string>;
}

/**
 * Parses the value of `lookout.dev/slos`. Returns the valid SLOs (source `slos`) and every
 * problem, with paths relative to the list (`[0].objective`).
 * @public
 */
export function parseSloDefinitions(
  text: string,
  context: SloDefinitionsContext,
): { slos: SloSpec[]; problems: ObservabilityProblem[] } {
  const problems = new AnnotationProblems(ANNOTATION_SLOS);
  const list = readAnnotationList(
    text,
    `expected a YAML list of SLO definitions, e.g.\n${DEFINITION_EXAMPLE}`,
    problems,
  );

  const slos: SloSpec[] = [];
  const seen = new Map<string, number>();
  list.forEach((entry, index) => {
    const before = problems.items.length;
    if (!isPlainMap(entry)) {
      problems.error(
        [index],
        problemMessages.foundExpected(
          entry,
          `expected an SLO definition (a map with name, objective and ratio or latency), e.g.\n${DEFINITION_EXAMPLE}`,
        ),
      );
      return;
    }
    const result = definitionSchema.safeParse(entry);
    if (!result.success) {
      problems.zodIssues(
        result.error.issues,
        [index],
        path => FIELDS_BY_PARENT[lastKey(path)] ?? [],
      );
    }
    for (const problem of crossFieldProblems(entry)) {
      problems.error([index, ...problem.path], problem.message);
    }
    if (typeof entry.name === 'string') {
      const takenBy = context.takenNames?.get(entry.name);
      const firstIndex = seen.get(entry.name);
      if (takenBy) {
        problems.error(
          [index, 'name'],
          `the name ${JSON.stringify(
            entry.name,
          )} is already used by the ${takenBy} preset; SLO names must be unique in the entity: rename this one or remove the preset`,
        );
      } else if (firstIndex !== undefined) {
        problems.error(
          [index, 'name'],
          `the name ${JSON.stringify(
            entry.name,
          )} is already used by entry [${firstIndex}]; SLO names must be unique in the entity`,
        );
      } else {
        seen.set(entry.name, index);
      }
    }
    const slo =
      result.success && problems.items.length === before
        ? toSloSpec(result.data, context.defaultWindow)
        : undefined;
    if (slo) {
      for (const unreachable of findUnreachableTiers(
        slo.objective,
        slo.window,
        slo.alerting,
      )) {
        problems.warning(
          [index, 'objective'],
          describeUnreachableTier(unreachable, slo.objective, slo.window),
        );
      }
      const nothing = measuresNothing(slo.indicator);
      if (nothing) {
        problems.items.push({
          severity: 'warning',
          annotation: ANNOTATION_SLOS,
          path: `${formatProblemPath([index])}.${nothing.path}`,
          message: nothing.message,
        });
      }
      slos.push(slo);
    }
  });
  return { slos, problems: problems.items };
}

function lastKey(path: readonly PropertyKey[]): string {
  const last = path[path.length - 1];
  return typeof last === 'string' ? last : '';
}

/** Rules across fields, checked on the raw entry so they are reported along with field errors. */
function crossFieldProblems(
  entry: Record<string, unknown>,
): { path: PropertyKey[]; message: string }[] {
  const problems: { path: PropertyKey[]; message: string }[] = [];
  const hasRatio = entry.ratio !== undefined;
  const hasLatency = entry.latency !== undefined;
  if (hasRatio && hasLatency) {
    problems.push({
      path: [],
      message:
        'has both ratio and latency; an SLO has exactly one indicator: keep one and define the other as a separate SLO',
    });
  } else if (!hasRatio && !hasLatency) {
    problems.push({
      path: [],
      message: `has no indicator; expected exactly one of ratio (errors or good, and total) or latency (histogram, threshold, selector), e.g.\n${RATIO_EXAMPLE}`,
    });
  }
  if (isPlainMap(entry.ratio)) {
    const { errors, good } = entry.ratio;
    if (errors !== undefined && good !== undefined) {
      problems.push({
        path: ['ratio'],
        message:
          'has both errors and good; give exactly one of them next to total: errors counts failed events, good counts successful ones',
      });
    } else if (errors === undefined && good === undefined) {
      problems.push({
        path: ['ratio'],
        message: `needs errors or good next to total, e.g. errors: ${SELECTOR_EXAMPLE}`,
      });
    }
  }
  if (
    isPlainMap(entry.latency) &&
    typeof entry.latency.histogram === 'string' &&
    typeof entry.latency.selector === 'string'
  ) {
    const histogram = entry.latency.histogram;
    const selector = parseVectorSelector(entry.latency.selector.trim(), {
      metricSupplied: true,
    });
    if (
      selector.ok &&
      selector.value.metric &&
      ![histogram, `${histogram}_bucket`, `${histogram}_count`].includes(
        selector.value.metric,
      )
    ) {
      problems.push({
        path: ['latency', 'selector'],
        message: `names the metric ${selector.value.metric}, not the histogram ${histogram}; write only the label matchers, quoted in YAML, e.g. '{job="checkout"}'`,
      });
    }
  }
  return problems;
}

function toSloSpec(
  definition: SloDefinition,
  defaultWindow: string,
): SloSpec | undefined {
  let indicator: RatioIndicator | LatencyIndicator;
  const { ratio, latency } = definition;
  if (ratio) {
    const { errors, good, total } = ratio;
    indicator = { type: 'ratio', ...(errors ? { errors } : { good }), total };
  } else if (latency) {
    indicator = {
      type: 'latency',
      histogram: latency.histogram,
      histogramType: latency.native ? 'native' : 'classic',
      thresholdSeconds: latency.threshold,
      matchers: latency.selector?.matchers ?? [],
    };
  } else {
    return undefined; // crossFieldProblems has reported the missing indicator
  }
  const alerting = definition.alerting;
  return {
    name: definition.name,
    ...(definition.description !== undefined && {
      description: definition.description,
    }),
    objective: definition.objective,
    window: definition.window ?? defaultWindow,
    indicator,
    alerting: {
      page: alerting?.page ?? true,
      ticket: alerting?.ticket ?? true,
      ...(alerting?.metricsMissing !== undefined && {
        metricsMissing: alerting.metricsMissing,
      }),
      minEvents: alerting?.minEvents ?? 0,
      ...(alerting?.runbook !== undefined && { runbook: alerting.runbook }),
    },
    labels: definition.labels ?? {},
    source: 'slos',
  };
}
