import { parseLogStreamSelector } from './streamSelector';

describe('parseLogStreamSelector', () => {
  it('reads the matchers of a stream selector', () => {
    expect(
      parseLogStreamSelector(
        '{namespace="shop", app=~"checkout|cart", env!="dev", x!~`y`}',
      ),
    ).toEqual({
      ok: true,
      value: [
        { name: 'namespace', op: '=', value: 'shop' },
        { name: 'app', op: '=~', value: 'checkout|cart' },
        { name: 'env', op: '!=', value: 'dev' },
        { name: 'x', op: '!~', value: 'y' },
      ],
    });
  });

  it.each([
    [
      '{app="x"} |= "y"',
      /has a pipeline \(\|= "y"\); filters and parsers are applied in the Logs tab/,
    ],
    ['{app="x"} | json', /has a pipeline/],
    ['rate({app="x"}[5m])', /is a metric query/],
    ['sum(count_over_time({app="x"}[1h]))', /is a metric query/],
    ['app=x', /is not in braces/],
    ['{app="x"', /unbalanced braces/],
    ['{app=x}', /is not valid LogQL/],
    ['{}', /selects nothing/],
    ['', /is empty/],
    ['{app=""}', /empty value, which Loki rejects/],
    ['{app=~".*"}', /empty value, which Loki rejects/],
  ])('rejects %j', (text, message) => {
    const result = parseLogStreamSelector(text);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(message);
    expect(!result.ok && result.message).toMatch(
      /expected only a LogQL stream selector, e\.g\. \{namespace="shop", app="checkout"\}$/,
    );
  });
});
