import { composeLogQuery } from './logqlPipeline';

const selector = '{namespace="shop", app="checkout"}';

describe('composeLogQuery', () => {
  it('answers the entity selector alone for an empty filter', () => {
    expect(composeLogQuery(selector, '  ')).toBe(selector);
  });

  it.each([
    '|= "timeout"',
    '|= "a" or "b" != "c" |~ "x.*" !~ "y"',
    '| json | level="error"',
    '| logfmt | duration > 10s',
    '| json foo="bar.baz" | pattern "<_> <x>" | regexp "(?P<a>x)" | unpack',
    '| line_format "{{.msg}}" | drop pod | keep level | decolorize',
    '| json | label_format status="{{.code}}"',
  ])('appends the pipeline %s to the selector', filter => {
    expect(composeLogQuery(selector, filter)).toBe(`${selector} ${filter}`);
  });

  it.each([
    [
      '} or {app="other"}',
      'syntax error at column 1 near "} or {app="other"}"',
    ],
    ['|= "x" } or {app="x"}', 'syntax error at column 8 near "} or {app="x"}"'],
    ['} or vector(1)', 'syntax error at column 1'],
    ['"} or vector(1)', 'syntax error at column 1'],
    ['{app="other"}', 'syntax error at column 1'],
    ['[5m]', 'syntax error at column 1 near "[5m]"'],
    ['| unwrap latency', 'syntax error at column 3 near "unwrap latency"'],
    ['or {app="other"}', 'filter must be pipeline stages only'],
    ['|= "x" # hide', 'filter may not contain comments (#)'],
  ])('refuses %s, which is not a pipeline', (filter, message) => {
    expect(() => composeLogQuery(selector, filter)).toThrow(
      expect.objectContaining({
        name: 'InputError',
        message: expect.stringContaining(message),
      }),
    );
  });

  it('refuses a label_format that rewrites a label of the selector', () => {
    expect(() =>
      composeLogQuery(selector, '| label_format app="other"'),
    ).toThrow(
      /label_format may not rewrite app, a label of the entity's stream selector/,
    );
    expect(() =>
      composeLogQuery(selector, '| label_format namespace=pod'),
    ).toThrow(/namespace/);
  });

  it('names the entity selector when it is the invalid part', () => {
    expect(() => composeLogQuery('{app=}', '|= "x"')).toThrow(
      /lookout.dev\/logs-selector/,
    );
  });

  it('refuses overly long filters', () => {
    expect(() => composeLogQuery(selector, `|= "${'a'.repeat(2100)}"`)).toThrow(
      /longer than 2000/,
    );
  });
});
