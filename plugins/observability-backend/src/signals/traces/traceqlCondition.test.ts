import { composeTraceQuery, quoteTraceqlString } from './traceqlCondition';

describe('composeTraceQuery', () => {
  it('selects every trace of the service for an empty condition', () => {
    expect(composeTraceQuery('checkout', ' ')).toBe(
      '{ resource.service.name = "checkout" }',
    );
  });

  it.each([
    ['.http.status_code >= 500', '.http.status_code >= 500'],
    ['duration > 1s && status = error', 'duration > 1s && status = error'],
    [
      '.a = 1 && (span.b = "x" || status = error)',
      '.a = 1 && (span.b = "x" || status = error)',
    ],
    // Naming another service narrows to nothing; it cannot widen the scope.
    ['resource.service.name = "other"', 'resource.service.name = "other"'],
  ])('and-s the condition %s with the service', (q, inner) => {
    expect(composeTraceQuery('checkout', q)).toBe(
      `{ resource.service.name = "checkout" && (${inner}) }`,
    );
  });

  it.each([
    ['} || { .service.name = "other" }', 'syntax error at column 32'],
    ['.a = 1 } || { .service.name = "other"', 'single span condition'],
    ['true) || (true', 'syntax error at column 5'],
    ['.a = 1 } | count() > 2', 'syntax error'],
    ['.a = 1 } >> { .b = 2', 'single span condition'],
    ['.a = 1 } with (most_recent=true', 'syntax error'],
    ['{ .a = 1 }', 'syntax error at column 1'],
    ['$service = "x"', 'template variables'],
    ['.a = 1 // }', 'syntax error'],
  ])('refuses %s, which is not one span condition', (q, message) => {
    expect(() => composeTraceQuery('checkout', q)).toThrow(
      expect.objectContaining({
        name: 'InputError',
        message: expect.stringContaining(message),
      }),
    );
  });

  it('quotes the service name as a TraceQL string', () => {
    expect(quoteTraceqlString('a"b\\c')).toBe('"a\\"b\\\\c"');
    expect(composeTraceQuery('we"ird', '')).toBe(
      '{ resource.service.name = "we\\"ird" }',
    );
  });
});
