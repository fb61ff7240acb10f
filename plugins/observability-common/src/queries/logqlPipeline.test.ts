import { composeLogQuery, validateLogqlPipeline } from './logqlPipeline';

const selector = '{namespace="shop", app="checkout"}';

function problemOf(filter: string, entitySelector = selector) {
  const result = composeLogQuery(entitySelector, filter);
  if (result.valid) {
    throw new Error(`expected ${filter} to be refused`);
  }
  return result;
}

describe('composeLogQuery', () => {
  it('answers the entity selector alone for an empty filter', () => {
    expect(composeLogQuery(selector, '  ')).toEqual({
      valid: true,
      query: selector,
    });
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
    expect(composeLogQuery(selector, filter)).toEqual({
      valid: true,
      query: `${selector} ${filter}`,
    });
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
    expect(problemOf(filter).message).toContain(message);
  });

  it('refuses a label_format that rewrites a label of the selector', () => {
    expect(problemOf('| label_format app="other"').message).toBe(
      "filter: label_format may not rewrite app, a label of the entity's stream selector",
    );
    expect(problemOf('| label_format namespace=pod').message).toMatch(
      /namespace/,
    );
  });

  it('names the entity selector when it is the invalid part', () => {
    expect(problemOf('|= "x"', '{app=}').message).toMatch(
      /lookout.dev\/logs-selector/,
    );
  });

  it('refuses overly long filters', () => {
    expect(problemOf(`|= "${'a'.repeat(2100)}"`).message).toMatch(
      /longer than 2000/,
    );
  });
});

describe('validateLogqlPipeline (the browser, without the entity selector)', () => {
  it.each([
    '',
    '|= "timeout"',
    '|= "a" != "b" |~ "c.*"',
    '| json | level="error"',
    '| logfmt | duration > 1s',
    '| line_format "{{.msg}}"',
  ])('accepts %p', pipeline => {
    expect(validateLogqlPipeline(pipeline)).toEqual({ valid: true });
  });

  it('positions a syntax error in the text as typed', () => {
    // "| json | foo bar": parsing stops at "bar" (offset 13); leading spaces count.
    expect(validateLogqlPipeline('| json | foo bar')).toMatchObject({
      valid: false,
      position: 13,
    });
    expect(validateLogqlPipeline('  | json | foo bar')).toMatchObject({
      valid: false,
      position: 15,
    });
  });

  it('positions an incomplete label filter at its end', () => {
    expect(validateLogqlPipeline('| json | level=')).toEqual({
      valid: false,
      position: 15,
      message:
        'filter is incomplete: the LogQL pipeline ends too early (column 16)',
    });
  });

  it('refuses a second stream selector that would widen the query', () => {
    expect(validateLogqlPipeline('or {app="other"}').valid).toBe(false);
  });

  it('refuses what the backend refuses: comments and overly long filters', () => {
    expect(validateLogqlPipeline('|= "x" # hide')).toMatchObject({
      valid: false,
      position: 7,
      message: 'filter may not contain comments (#)',
    });
    expect(validateLogqlPipeline(`|= "${'a'.repeat(2100)}"`).valid).toBe(false);
  });

  it("refuses a label_format of the entity's own labels when given the selector", () => {
    expect(
      validateLogqlPipeline('| label_format app="x"', selector).valid,
    ).toBe(false);
  });
});
