import { validateLogqlPipeline } from './validateLogqlPipeline';

describe('validateLogqlPipeline', () => {
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

  it('reports the column where an unknown pipeline stage stops parsing', () => {
    expect(validateLogqlPipeline('| json | foo bar')).toEqual({
      valid: false,
      position: 13,
      message: 'Invalid LogQL pipeline at column 14',
    });
  });

  it('reports an unterminated string as incomplete', () => {
    const result = validateLogqlPipeline('|= "abc');

    expect(result.valid).toBe(false);
    expect(result.valid === false && result.message).toMatch(/LogQL pipeline/);
  });

  it('reports a label filter without a value as incomplete', () => {
    expect(validateLogqlPipeline('| json | level=')).toEqual({
      valid: false,
      position: 15,
      message:
        'Incomplete LogQL pipeline: the expression ends too early (column 16)',
    });
  });

  it('rejects a second stream selector that would widen the query', () => {
    const result = validateLogqlPipeline('or {app="other"}');

    expect(result.valid).toBe(false);
  });
});
