import { validateTraceqlCondition } from './validateTraceqlCondition';

describe('validateTraceqlCondition', () => {
  it.each([
    '',
    'status = error',
    'status = error && duration > 1s',
    'span.http.status_code >= 500',
    'name =~ "GET.*" || resource.k8s.namespace.name = "shop"',
  ])('accepts %p', condition => {
    expect(validateTraceqlCondition(condition)).toEqual({ valid: true });
  });

  it('reports a comparison without a value as incomplete', () => {
    expect(validateTraceqlCondition('status = ')).toEqual({
      valid: false,
      position: 9,
      message:
        'Incomplete TraceQL condition: the expression ends too early (column 10)',
    });
  });

  it('reports the column of a stray operator', () => {
    const result = validateTraceqlCondition(
      'duration > 1s && && status = error',
    );

    expect(result).toMatchObject({
      valid: false,
      message: expect.stringMatching(/column/),
    });
  });

  it('rejects a condition that escapes its spanset filter', () => {
    expect(
      validateTraceqlCondition('status = error } || { true'),
    ).toMatchObject({
      valid: false,
      position: 0,
    });
  });

  it('rejects a pipeline after the condition', () => {
    expect(
      validateTraceqlCondition('true } | count() > 2 && { true').valid,
    ).toBe(false);
  });
});
