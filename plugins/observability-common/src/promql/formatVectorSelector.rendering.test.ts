import { formatVectorSelector } from './formatVectorSelector';
import { quotePromqlString } from './stringLiteral';

describe('formatVectorSelector', () => {
  it('writes selectors as written, with extra matchers appended once', () => {
    expect(
      formatVectorSelector(
        {
          metric: 'http_requests_total',
          matchers: [{ name: 'code', op: '=~', value: '5..' }],
        },
        [
          { name: 'code', op: '=~', value: '5..' },
          { name: 'le', op: '=~', value: '0?\\.30*' },
        ],
      ),
    ).toBe('http_requests_total{code=~"5..", le=~"0?\\\\.30*"}');
  });

  it('moves names that cannot stand bare into a __name__ matcher', () => {
    expect(formatVectorSelector({ metric: 'on', matchers: [] })).toBe(
      '{__name__="on"}',
    );
    expect(
      formatVectorSelector({ metric: 'http.requests', matchers: [] }),
    ).toBe('{__name__="http.requests"}');
    expect(formatVectorSelector({ metric: 'up', matchers: [] })).toBe('up');
  });

  it('escapes label values as PromQL strings', () => {
    expect(quotePromqlString('a"b\\c\nd')).toBe('"a\\"b\\\\c\\nd"');
  });
});
