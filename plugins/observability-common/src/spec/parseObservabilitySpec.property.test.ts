import fc from 'fast-check';
import YAML from 'yaml';
import { Entity } from '@backstage/catalog-model';
import { LOOKOUT_ANNOTATIONS } from '../annotations/annotations';
import { LabelMatcher } from './types';
import { parseObservabilitySpec } from './parseObservabilitySpec';
import { formatVectorSelector } from '../promql/formatVectorSelector';

const NUM_RUNS = 200;

const ANNOTATION_KEYS = [
  ...LOOKOUT_ANNOTATIONS.map(doc => doc.annotation),
  'backstage.io/kubernetes-id',
  'backstage.io/kubernetes-namespace',
  'backstage.io/kubernetes-label-selector',
];

function yamlOf(value: unknown): string {
  try {
    return YAML.stringify(value) ?? '';
  } catch {
    return String(value);
  }
}

/** Any value an annotation might hold: text, YAML of anything, or not a string at all. */
const annotationValue = fc.oneof(
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary' }),
  fc.anything().map(yamlOf),
  fc.anything(),
  fc.constantFrom(
    '99.9',
    '99% < 300ms',
    '{app="x"}',
    '30d',
    'http',
    '- name: a',
  ),
);

const annotationKey = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...ANNOTATION_KEYS) },
  fc.string().map(suffix => `lookout.dev/${suffix}`),
  fc.string(),
);

function entityWith(annotations: Record<string, unknown>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'checkout',
      annotations: annotations as Record<string, string>,
    },
  };
}

/** Every way the result breaks the contract; empty when it is well-formed. */
function contractViolations(
  result: ReturnType<typeof parseObservabilitySpec>,
): string[] {
  const violations: string[] = [];
  if (typeof result.spec.entityRef !== 'string')
    violations.push('entityRef is not a string');
  if (!Array.isArray(result.spec.slos)) violations.push('slos is not an array');
  if (!Array.isArray(result.problems))
    return [...violations, 'problems is not an array'];
  result.problems.forEach((problem, i) => {
    if (problem.severity !== 'error' && problem.severity !== 'warning') {
      violations.push(`problem ${i} has severity ${String(problem.severity)}`);
    }
    if (typeof problem.annotation !== 'string' || problem.annotation === '') {
      violations.push(`problem ${i} names no annotation`);
    }
    if (typeof problem.path !== 'string')
      violations.push(`problem ${i} has no path`);
    if (typeof problem.message !== 'string' || problem.message === '') {
      violations.push(`problem ${i} has no message`);
    }
  });
  return violations;
}

describe('parseObservabilitySpec (properties)', () => {
  it('never throws and always returns a spec and well-formed problems, whatever the annotations', () => {
    fc.assert(
      fc.property(
        fc.dictionary(annotationKey, annotationValue, { maxKeys: 8 }),
        annotations => {
          const result = parseObservabilitySpec(entityWith(annotations));
          expect(contractViolations(result)).toEqual([]);
          expect(result.spec.entityRef).toBe('component:default/checkout');
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });

  it('never throws on any value in any single annotation', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ANNOTATION_KEYS),
        annotationValue,
        (key, value) => {
          const result = parseObservabilitySpec(entityWith({ [key]: value }));
          expect(contractViolations(result)).toEqual([]);
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });

  it('never throws on an entity of any shape', () => {
    fc.assert(
      fc.property(fc.anything(), value => {
        expect(
          contractViolations(parseObservabilitySpec(value as Entity)),
        ).toEqual([]);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  describe('a generated valid slos list', () => {
    // Prefixes keep generated names clear of PromQL keywords (`on`, `by`, `inf`...).
    const metricName = fc
      .stringMatching(/^[a-z_][a-z0-9_:]{0,15}$/)
      .map(name => `m_${name}`);
    const labelName = fc
      .stringMatching(/^[a-z_][a-z0-9_]{0,10}$/)
      .map(name => `l_${name}`);
    const anyText = fc.oneof(
      fc.string({ unit: 'grapheme' }),
      fc.string({ unit: 'binary-ascii' }),
    );
    const matcher: fc.Arbitrary<LabelMatcher> = fc.oneof(
      fc.record({
        name: labelName,
        op: fc.constantFrom('=' as const, '!=' as const),
        value: anyText,
      }),
      fc.record({
        name: labelName,
        op: fc.constantFrom('=~' as const, '!~' as const),
        value: fc.stringMatching(/^[a-z0-9.*|]{0,10}$/),
      }),
    );
    // The first matcher of a latency selector must not match the empty value.
    const scopingMatcher = fc.record({
      name: labelName,
      op: fc.constant('=' as const),
      value: fc.string({ unit: 'grapheme', minLength: 1 }),
    });
    const selector = fc.record({
      metric: metricName,
      matchers: fc.array(matcher, { maxLength: 3 }),
    });

    const ratio = fc.record({
      kind: fc.constantFrom('errors' as const, 'good' as const),
      numerator: selector,
      total: selector,
    });
    const latency = fc.record({
      histogram: metricName,
      threshold: fc.constantFrom('300ms', '0.5s', '1s', 2, 0.25),
      matchers: fc.tuple(scopingMatcher, fc.array(matcher, { maxLength: 2 })),
      native: fc.option(fc.boolean(), { nil: undefined }),
    });
    const definition = fc.record({
      name: fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/),
      objective: fc.oneof(
        fc.double({ min: 0.001, max: 99.999, noNaN: true }),
        fc.integer({ min: 1, max: 99 }).map(String),
      ),
      window: fc.option(
        fc.oneof(
          fc.integer({ min: 7, max: 90 }).map(d => `${d}d`),
          fc.constantFrom('4w', '720h'),
        ),
        { nil: undefined },
      ),
      indicator: fc.oneof(
        ratio.map(r => ({ type: 'ratio' as const, ...r })),
        latency.map(l => ({ type: 'latency' as const, ...l })),
      ),
      alerting: fc.option(
        fc.record(
          {
            page: fc.boolean(),
            ticket: fc.boolean(),
            minEvents: fc.nat(),
            runbook: fc.constant('https://runbooks.example.com/x'),
          },
          { requiredKeys: [] },
        ),
        { nil: undefined },
      ),
      labels: fc.option(
        fc.dictionary(
          fc.stringMatching(/^[a-z][a-z0-9_]{0,8}$/).map(n => `x${n}`),
          anyText,
          {
            maxKeys: 3,
          },
        ),
        { nil: undefined },
      ),
    });
    const definitions = fc.uniqueArray(definition, {
      selector: d => d.name,
      minLength: 1,
      maxLength: 4,
    });

    type Definition = typeof definition extends fc.Arbitrary<infer T>
      ? T
      : never;

    function toYamlEntry(d: Definition): Record<string, unknown> {
      const entry: Record<string, unknown> = {
        name: d.name,
        objective: d.objective,
      };
      if (d.window) entry.window = d.window;
      if (d.indicator.type === 'ratio') {
        entry.ratio = {
          [d.indicator.kind]: formatVectorSelector(d.indicator.numerator),
          total: formatVectorSelector(d.indicator.total),
        };
      } else {
        const [first, rest] = d.indicator.matchers;
        entry.latency = {
          histogram: d.indicator.histogram,
          threshold: d.indicator.threshold,
          selector: formatVectorSelector({
            metric: '',
            matchers: [first, ...rest],
          }),
          ...(d.indicator.native !== undefined && {
            native: d.indicator.native,
          }),
        };
      }
      if (d.alerting) entry.alerting = d.alerting;
      if (d.labels) entry.labels = d.labels;
      return entry;
    }

    const THRESHOLD_SECONDS: Record<string, number> = {
      '300ms': 0.3,
      '0.5s': 0.5,
      '1s': 1,
      '2': 2,
      '0.25': 0.25,
    };

    function expectedIndicator(d: Definition) {
      const generated = d.indicator;
      if (generated.type === 'ratio') {
        return {
          type: 'ratio',
          [generated.kind]: generated.numerator,
          total: generated.total,
        };
      }
      return {
        type: 'latency',
        histogram: generated.histogram,
        histogramType: generated.native ? 'native' : 'classic',
        thresholdSeconds: THRESHOLD_SECONDS[String(generated.threshold)],
        matchers: [generated.matchers[0], ...generated.matchers[1]],
      };
    }

    it('parses with no error problems, every SLO kept and every matcher round-tripped', () => {
      fc.assert(
        fc.property(definitions, list => {
          const text = YAML.stringify(list.map(toYamlEntry));
          const { spec, problems } = parseObservabilitySpec(
            entityWith({ 'lookout.dev/slos': text }),
          );
          expect(problems.filter(p => p.severity === 'error')).toEqual([]);
          expect(spec.slos.map(slo => slo.name)).toEqual(list.map(d => d.name));
          expect(spec.slos.map(slo => slo.indicator)).toEqual(
            list.map(expectedIndicator),
          );
          expect(spec.slos.map(slo => slo.window)).toEqual(
            list.map(d => d.window ?? '30d'),
          );
        }),
        { numRuns: NUM_RUNS },
      );
    });
  });
});
