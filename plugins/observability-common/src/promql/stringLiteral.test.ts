import fc from 'fast-check';
import { quotePromqlString, unquotePromqlString } from './stringLiteral';

describe('unquotePromqlString', () => {
  it.each([
    ['"plain"', 'plain'],
    ['"a\\"b"', 'a"b'],
    ["'a\\'b'", "a'b"],
    ['\'say "hi"\'', 'say "hi"'],
    ['"tab\\tnew\\nline\\\\"', 'tab\tnew\nline\\'],
    ['"\\x41\\101\\u00e9\\U0001F600"', 'AAé😀'],
    ['"\\xe2\\x82\\xac"', '€'],
    ['`raw \\n \\d+`', 'raw \\n \\d+'],
    ['"é😀"', 'é😀'],
    ['""', ''],
  ])('reads %s', (literal, value) => {
    expect(unquotePromqlString(literal)).toEqual({ ok: true, value });
  });

  it.each([
    ['"\\q"', /unknown escape \\q/],
    ['"\\\'"', /unknown escape/],
    ["'\\\"'", /unknown escape/],
    ['"\\x4"', /expected two hex digits/],
    ['"\\400"', /three octal digits/],
    ['"\\ud800"', /Unicode code point/],
    ['"a\nb"', /line break/],
    ['"abc', /not a quoted string/],
    ['"a"b"', /unescaped "/],
    ['"end\\"', /not a quoted string|lone backslash/],
  ])('rejects %s', (literal, message) => {
    const result = unquotePromqlString(literal);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(message);
  });
});

describe('quotePromqlString', () => {
  it('escapes quotes, backslashes and control characters the way Prometheus prints them', () => {
    expect(quotePromqlString('a"b\\c\nd\te\u0001f\u007f')).toBe(
      '"a\\"b\\\\c\\nd\\te\\x01f\\x7f"',
    );
  });

  it('keeps printable Unicode and escapes invisible separators', () => {
    expect(quotePromqlString('é 😀\u00a0\u2028')).toBe('"é 😀\\u00a0\\u2028"');
  });

  it('round-trips every well-formed string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), value => {
        expect(unquotePromqlString(quotePromqlString(value))).toEqual({
          ok: true,
          value,
        });
      }),
      { numRuns: 200 },
    );
  });
});
