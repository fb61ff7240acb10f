/*
 * Every example a problem message shows ("e.g. …") is itself accepted where the message points:
 * a hint whose example is refused sends the user round in circles. Each case gives a bad input
 * and the template the example is copied into (EX), the way a user would paste it.
 */
import YAML from 'yaml';
import { Entity } from '@backstage/catalog-model';
import { parseObservabilitySpec } from '../spec/parseObservabilitySpec';
import { parseOpenSloDocuments } from '../openslo/parseOpenSloDocuments';
import { openSloV1RatioSlo } from '../testUtils';

/** The examples of a message: after "e.g.", up to ";", " (" or the end; alternatives split. */
function examplesIn(message: string): string[] {
  const examples: string[] = [];
  const block = /e\.g\.\n([\s\S]*)$/.exec(message);
  if (block) {
    examples.push(block[1]);
  }
  for (const match of message.matchAll(/e\.g\. (.*?)(?=;|$| \()/gm)) {
    examples.push(...splitAlternatives(match[1]));
  }
  return examples;
}

/** `30d, 4w or 720h` → three examples; commas inside brackets or quotes do not split. */
function splitAlternatives(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote = '';
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      quote = c === quote ? '' : quote;
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if ('([{'.includes(c)) {
      depth += 1;
    } else if (')]}'.includes(c)) {
      depth -= 1;
    } else if (depth === 0 && text.startsWith(', ', i)) {
      parts.push(text.slice(start, i));
      start = i + 2;
    } else if (depth === 0 && text.startsWith(' or ', i)) {
      parts.push(text.slice(start, i));
      start = i + 4;
    }
  }
  parts.push(text.slice(start));
  return parts.map(part => part.trim()).filter(Boolean);
}

/** `template` with EX replaced by `example`, its later lines indented to EX's column. */
function fill(template: string, example: string): string {
  const at = template.indexOf('EX');
  const column = at - (template.lastIndexOf('\n', at) + 1);
  const indented = example.split('\n').join(`\n${' '.repeat(column)}`);
  return template.replace('EX', indented);
}

function entity(annotations: Record<string, unknown>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'checkout', annotations } as Entity['metadata'],
  };
}

function messagesOf(annotations: Record<string, unknown>, annotation: string) {
  return parseObservabilitySpec(entity(annotations))
    .problems.filter(p => p.annotation === annotation)
    .map(p => p.message);
}

function errorsOf(annotations: Record<string, unknown>, annotation: string) {
  return parseObservabilitySpec(entity(annotations))
    .problems.filter(p => p.annotation === annotation && p.severity === 'error')
    .map(p => `${p.path}: ${p.message}`);
}

const unquote = (text: string) => text.replace(/^"(.*)"$/, '$1');

describe('examples shown in hints', () => {
  // Annotation values: the example is the value itself.
  it.each([
    ['lookout.dev/slo-availability', 'abc'],
    ['lookout.dev/slo-availability', '99.9%'],
    ['lookout.dev/slo-availability', '-5'],
    ['lookout.dev/slo-latency', 'fast'],
    ['lookout.dev/slo-window', '1d'],
    ['lookout.dev/metrics-port', 'http metrics'],
    ['lookout.dev/metrics-port', '70000'],
    ['lookout.dev/metrics-path', 'metrics'],
    ['lookout.dev/metrics-interval', '1s'],
    ['lookout.dev/metrics-targets', 'no-port'],
    ['lookout.dev/logs-selector', 'app=x'],
    ['lookout.dev/logs-tenant', 'a b'],
    ['lookout.dev/traces-service', ''],
    ['lookout.dev/openslo', ''],
    ['lookout.dev/runbook-url', 'ftp://runbooks'],
  ])('%s: %j', (annotation, bad) => {
    const base = { 'lookout.dev/metrics-port': '9090' };
    const examples = messagesOf(
      { ...base, [annotation]: bad },
      annotation,
    ).flatMap(examplesIn);
    expect(examples.length).toBeGreaterThan(0);
    for (const example of examples) {
      expect([
        example,
        errorsOf({ ...base, [annotation]: unquote(example) }, annotation),
      ]).toEqual([example, []]);
    }
  });

  it('the metrics-path warning: the annotation it suggests turns scraping on', () => {
    const messages = messagesOf(
      { 'lookout.dev/metrics-path': '/metrics' },
      'lookout.dev/metrics-path',
    );
    const [example] = messages.flatMap(examplesIn);
    const [key, value] = example.split(': ');
    expect(
      parseObservabilitySpec(
        entity({ 'lookout.dev/metrics-path': '/metrics', [key]: value }),
      ).problems,
    ).toEqual([]);
  });

  it('the quoting hint: the quoted value, pasted into catalog-info.yaml, is a string', () => {
    const [example] = messagesOf(
      { 'lookout.dev/metrics-port': 9090 },
      'lookout.dev/metrics-port',
    ).flatMap(examplesIn);
    const annotations = YAML.parse(
      fill('lookout.dev/metrics-port: EX', example),
    );
    expect(errorsOf(annotations, 'lookout.dev/metrics-port')).toEqual([]);
  });

  // lookout.dev/slos: the example is pasted into the YAML of a definition.
  const RATIO = 'ratio:\n    errors: x_total{code="500"}\n    total: x_total';
  const LATENCY =
    'latency:\n    histogram: h_seconds\n    threshold: 300ms\n    selector: \'{job="a"}\'';
  it.each([
    ['objective: abc', 'objective: EX'],
    ['objective: -5', 'objective: EX'],
    ['window: 1d', 'window: EX'],
    [
      'ratio:\n    errors: rate(x[5m])\n    total: x_total',
      'ratio:\n    errors: EX\n    total: x_total',
    ],
    [
      'ratio:\n    errors: x_total{code="500"}',
      'ratio:\n    errors: x_total{code="500"}\n    total: EX',
    ],
    ['ratio:\n    total: x_total', 'ratio:\n    EX\n    total: x_total'],
    ['description: none', 'description: none\n  EX'],
    [
      'latency: { histogram: 5, threshold: 1s }',
      'latency:\n    histogram: EX\n    threshold: 1s',
    ],
    [
      'latency: { histogram: h, threshold: fast }',
      'latency:\n    histogram: h\n    threshold: EX',
    ],
    [
      'latency: { histogram: h, threshold: 1s, selector: 5 }',
      'latency:\n    histogram: h\n    threshold: 1s\n    selector: EX',
    ],
    [
      'latency: { histogram: h, threshold: 1s, selector: "other{job=\\"a\\"}" }',
      'latency:\n    histogram: h\n    threshold: 1s\n    selector: EX',
    ],
    [
      `${RATIO}\n  alerting: { minEvents: -1 }`,
      `${RATIO}\n  alerting:\n    minEvents: EX`,
    ],
    [
      `${RATIO}\n  alerting: { runbook: x }`,
      `${RATIO}\n  alerting:\n    runbook: EX`,
    ],
    [`${RATIO}\n  labels: 5`, `${RATIO}\n  labels: EX`],
    [`${RATIO}\n  labels: { tier: [1] }`, `${RATIO}\n  labels:\n    tier: EX`],
    [`${RATIO}\n  labels: { 1tier: "1" }`, `${RATIO}\n  labels:\n    EX: "1"`],
    [
      `${LATENCY}\n  labels: { severity: "1" }`,
      `${LATENCY}\n  labels:\n    EX: "1"`,
    ],
  ])('lookout.dev/slos: %j', (bad, template) => {
    // name and objective unless the case gives them; a ratio unless it is about the indicator.
    const withIndicator = (body: string) =>
      [
        '- name: availability',
        '  objective: 99.9',
        `  ${body}`,
        /ratio|latency|description/.test(body) ? '' : `  ${RATIO}`,
      ]
        .filter(line => {
          const key = /^(?:- )?\s*(\w+):/.exec(line)?.[1];
          return (
            line !== '' &&
            !(line !== `  ${body}` && key && new RegExp(`^${key}:`).test(body))
          );
        })
        .join('\n');
    const examples = messagesOf(
      { 'lookout.dev/slos': withIndicator(bad) },
      'lookout.dev/slos',
    ).flatMap(examplesIn);
    expect(examples.length).toBeGreaterThan(0);
    for (const example of examples) {
      const text = fill(withIndicator(template), example);
      expect([
        text,
        errorsOf({ 'lookout.dev/slos': text }, 'lookout.dev/slos'),
      ]).toEqual([text, []]);
    }
  });

  it('lookout.dev/slos: an invalid name', () => {
    const text = (name: string) =>
      `- name: ${name}\n  objective: 99.9\n  ${RATIO}`;
    const examples = messagesOf(
      { 'lookout.dev/slos': text('Bad_Name') },
      'lookout.dev/slos',
    ).flatMap(examplesIn);
    expect(examples).toEqual(['checkout-availability']);
    expect(
      errorsOf({ 'lookout.dev/slos': text(examples[0]) }, 'lookout.dev/slos'),
    ).toEqual([]);
  });

  it.each(['foo: bar', '- 5'])('lookout.dev/slos as a whole: %j', bad => {
    const [example] = messagesOf(
      { 'lookout.dev/slos': bad },
      'lookout.dev/slos',
    ).flatMap(examplesIn);
    expect(
      errorsOf({ 'lookout.dev/slos': example }, 'lookout.dev/slos'),
    ).toEqual([]);
  });

  // OpenSLO documents.
  const V1 = openSloV1RatioSlo({
    name: 'checkout',
    bad: 'BAD',
    total: 'x_total',
    timeWindow: 'WINDOW',
    objectives: 'OBJECTIVES',
  });
  const V1ALPHA = `apiVersion: openslo/v1alpha
kind: SLO
metadata:
  name: checkout
spec:
  timeWindows: WINDOW
  objectives:
    - target: 0.99
      ratioMetrics:
        good:
          source: prometheus
          queryType: promql
          query: BAD
        total:
          source: prometheus
          queryType: promql
          query: x_total`;
  const v1 = (query: string, window: string, objectives: string) =>
    V1.replace('BAD', query)
      .replace('WINDOW', window)
      .replace('OBJECTIVES', objectives);
  const good = v1(
    'x_total{code="500"}',
    '[{ duration: 28d }]',
    '[{ target: 0.99 }]',
  );
  it.each([
    [
      v1('x_total{code="500"}', '[{ duration: 28d }]', '[{ target: 99.5 }]'),
      good.replace('[{ target: 0.99 }]', '[{ target: EX }]'),
    ],
    [
      v1('x_total{code="500"}', '[{ duration: 28d }]', '[]'),
      good.replace('[{ target: 0.99 }]', 'EX'),
    ],
    [
      v1('x_total{code="500"}', '[{ duration: 28d }]', '[5]'),
      good.replace('[{ target: 0.99 }]', '[EX]'),
    ],
    [
      v1('x_total{code="500"}', '28d', '[{ target: 0.99 }]'),
      good.replace('[{ duration: 28d }]', 'EX'),
    ],
    [
      v1('x_total{code="500"}', '[{ duration: 1d }]', '[{ target: 0.99 }]'),
      good.replace('[{ duration: 28d }]', '[{ duration: EX }]'),
    ],
    [
      v1('irate(x[5m])', '[{ duration: 28d }]', '[{ target: 0.99 }]'),
      good.replace('x_total{code="500"}', 'EX'),
    ],
    [
      v1('5', '[{ duration: 28d }]', '[{ target: 0.99 }]').replace(
        'query: 5',
        'query: [5]',
      ),
      good.replace('x_total{code="500"}', 'EX'),
    ],
    [
      v1('x{job="{{.job}}"}', '[{ duration: 28d }]', '[{ target: 0.99 }]'),
      good.replace('x_total{code="500"}', 'EX'),
    ],
    [
      v1('x', '[{ duration: 28d }]', '[{ target: 0.99 }]').replace(
        'spec:\n              query: x\n',
        'spec: 5\n',
      ),
      good.replace(
        'spec:\n              query: x_total{code="500"}\n',
        'spec: EX\n',
      ),
    ],
    [
      V1ALPHA.replace('BAD', 'x_total').replace('WINDOW', '28d'),
      V1ALPHA.replace('BAD', 'x_total').replace('WINDOW', 'EX'),
    ],
    [
      V1ALPHA.replace('BAD', 'x_total').replace(
        'WINDOW',
        '[{ count: abc, unit: Day }]',
      ),
      V1ALPHA.replace('BAD', 'x_total').replace(
        'WINDOW',
        '[{ count: EX, unit: Day }]',
      ),
    ],
  ])('OpenSLO %#', (bad, template) => {
    const context = { entityRef: 'component:default/checkout' };
    const examples = parseOpenSloDocuments(bad, context)
      .problems.map(p => p.message)
      .flatMap(examplesIn);
    expect(examples.length).toBeGreaterThan(0);
    for (const example of examples) {
      const text = fill(template, example);
      expect([
        text,
        parseOpenSloDocuments(text, context).problems.filter(
          p => p.severity === 'error',
        ),
      ]).toEqual([text, []]);
    }
  });
});
