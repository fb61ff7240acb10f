import { parseVectorSelector } from './vectorSelector';

function message(text: string): string {
  const result = parseVectorSelector(text);
  if (result.ok) {
    throw new Error(`expected ${text} to be rejected`);
  }
  return result.message;
}

describe('parseVectorSelector', () => {
  it('reads a metric and its matchers in order', () => {
    expect(
      parseVectorSelector('http_requests_total{job="checkout", code=~"5.."}'),
    ).toEqual({
      ok: true,
      value: {
        metric: 'http_requests_total',
        matchers: [
          { name: 'job', op: '=', value: 'checkout' },
          { name: 'code', op: '=~', value: '5..' },
        ],
      },
    });
  });

  it('reads every match operator, quote style and a trailing comma', () => {
    expect(
      parseVectorSelector(`m{a="1", b!='2', c=~\`3.*\`, d!~"4",}`),
    ).toEqual({
      ok: true,
      value: {
        metric: 'm',
        matchers: [
          { name: 'a', op: '=', value: '1' },
          { name: 'b', op: '!=', value: '2' },
          { name: 'c', op: '=~', value: '3.*' },
          { name: 'd', op: '!~', value: '4' },
        ],
      },
    });
  });

  it('accepts a selector of matchers only', () => {
    expect(parseVectorSelector('{job="checkout"}')).toEqual({
      ok: true,
      value: {
        metric: '',
        matchers: [{ name: 'job', op: '=', value: 'checkout' }],
      },
    });
  });

  it('takes the metric name from a __name__ equality or a quoted UTF-8 name', () => {
    expect(parseVectorSelector('{__name__="up", job="a"}')).toEqual({
      ok: true,
      value: { metric: 'up', matchers: [{ name: 'job', op: '=', value: 'a' }] },
    });
    expect(
      parseVectorSelector('{"http.server.duration", "service.name"="a"}'),
    ).toEqual({
      ok: true,
      value: {
        metric: 'http.server.duration',
        matchers: [{ name: 'service.name', op: '=', value: 'a' }],
      },
    });
  });

  it('keeps a __name__ regular expression as a matcher', () => {
    expect(parseVectorSelector('{__name__=~"http_.*"}')).toEqual({
      ok: true,
      value: {
        metric: '',
        matchers: [{ name: '__name__', op: '=~', value: 'http_.*' }],
      },
    });
  });

  it.each([
    ['x or vector(1)', /found a binary operation \(or\)/],
    ['x / y', /found a binary operation \(\/\)/],
    ['rate(x[5m])', /found a function call rate\(…\)/],
    ['sum by (job) (x)', /found an aggregation sum\(…\)/],
    ['x[5m]', /found a range selector \[5m\]/],
    ['x[5m:1m]', /found a subquery/],
    ['x offset 5m', /found an offset modifier \(offset 5m\)/],
    ['x @ 1700000000', /found an @ modifier/],
    ['(x)', /found an expression in parentheses/],
    ['-x', /found a unary sign/],
    ['42', /found the number 42/],
    ['x{a="b"', /unbalanced braces: the \{ at column 2 is never closed/],
    ['x}', /unbalanced braces: unexpected \} at column 2/],
    ['x{a="b"}}', /unbalanced braces/],
    ['x y', /unexpected "y" at column 3/],
    ['', /is empty/],
    ['{}', /the empty selector \{\} selects nothing/],
    ['{a=""}', /every matcher also matches an empty value/],
    ['{a=~".*"}', /every matcher also matches an empty value/],
    ['x{__name__="y"}', /metric name is given twice/],
    ['x{a="\\q"}', /unknown escape/],
    ['x{a=~"(unclosed"}', /has an unclosed \(/],
  ])('rejects %j', (text, expected) => {
    expect(message(text)).toMatch(expected);
  });

  it('shows what was found, what is expected and an example', () => {
    expect(message('x or vector(1)')).toBe(
      '"x or vector(1)" is not a bare metric selector: found a binary operation (or). Expected only a metric name and label matchers, e.g. http_requests_total{job="checkout", code=~"5.."}',
    );
  });
});
