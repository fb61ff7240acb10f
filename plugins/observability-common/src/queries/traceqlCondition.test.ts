import {
  composeTraceQuery,
  quoteTraceqlString,
  validateTraceqlCondition,
} from './traceqlCondition';

function problemOf(q: string) {
  const result = composeTraceQuery({ serviceName: 'checkout' }, q);
  if (result.valid) {
    throw new Error(`expected ${q} to be refused`);
  }
  return result;
}

describe('composeTraceQuery', () => {
  it('selects every trace of the service for an empty condition', () => {
    expect(composeTraceQuery({ serviceName: 'checkout' }, ' ')).toEqual({
      valid: true,
      query: '{ resource.service.name = "checkout" }',
    });
  });

  it.each([
    '.http.status_code >= 500',
    'duration > 1s && status = error',
    '.a = 1 && (span.b = "x" || status = error)',
    'span.http.status_code >= 500',
    'name =~ "GET.*" || resource.k8s.namespace.name = "shop"',
    // Naming another service narrows to nothing; it cannot widen the scope.
    'resource.service.name = "other"',
  ])('and-s the condition %s with the service', q => {
    expect(composeTraceQuery({ serviceName: 'checkout' }, q)).toEqual({
      valid: true,
      query: `{ resource.service.name = "checkout" && (${q}) }`,
    });
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
    ['.a = 1 /* c */', 'comments'],
    ['.a = 1 // }', 'syntax error'],
  ])('refuses %s, which is not one span condition', (q, message) => {
    expect(problemOf(q).message).toContain(message);
  });

  it.each([
    // Tempo 2.2 reads `.a-"` as the name, then `)}||{(true||.b"` as a second spanset.
    ['.x = .a-")}||{(true||.b"', '.a-")}||{(true||.b"'],
    ['.a`b = 1', '.a`b'],
    ['span."quoted name" = 1', 'span."quoted name"'],
    [".a'b = 1", ".a'b"],
  ])(
    'refuses the attribute name in %s, which holds a quote or backtick',
    (q, name) => {
      expect(problemOf(q).message).toBe(
        `q: the attribute name ${name} may not contain quotes, backticks, backslashes or spaces (Tempo 2.2 and older read them differently)`,
      );
    },
  );

  it('and-s the service namespace when the entity has one', () => {
    expect(
      composeTraceQuery(
        { serviceName: 'checkout', serviceNamespace: 'team-a' },
        'status = error',
      ),
    ).toEqual({
      valid: true,
      query:
        '{ resource.service.name = "checkout" && resource.service.namespace = "team-a" && (status = error) }',
    });
  });

  it('quotes the service name as a TraceQL string', () => {
    expect(quoteTraceqlString('a"b\\c')).toBe('"a\\"b\\\\c"');
    expect(composeTraceQuery({ serviceName: 'we"ird' }, '')).toEqual({
      valid: true,
      query: '{ resource.service.name = "we\\"ird" }',
    });
  });
});

describe('validateTraceqlCondition (the browser)', () => {
  it('positions an incomplete comparison at its end', () => {
    expect(validateTraceqlCondition('status = ')).toEqual({
      valid: false,
      position: 9,
      message:
        'q is incomplete: the TraceQL condition ends too early (column 10)',
    });
  });

  it('positions a stray operator', () => {
    expect(
      validateTraceqlCondition('duration > 1s && && status = error'),
    ).toMatchObject({ valid: false, message: expect.stringMatching(/column/) });
  });

  it('refuses a condition that escapes its spanset filter, or a pipeline', () => {
    expect(validateTraceqlCondition('status = error } || { true').valid).toBe(
      false,
    );
    expect(
      validateTraceqlCondition('true } | count() > 2 && { true').valid,
    ).toBe(false);
  });

  it('refuses what the backend refuses: comments and template variables', () => {
    expect(validateTraceqlCondition('.a = 1 /* c */')).toMatchObject({
      valid: false,
      position: 7,
      message: 'q may not contain comments',
    });
    expect(validateTraceqlCondition('$x = 1').valid).toBe(false);
  });
});
