import { formatVectorSelector } from './formatVectorSelector';
import { parseVectorSelector } from './vectorSelector';

describe('formatVectorSelector', () => {
  it('writes the canonical form', () => {
    expect(
      formatVectorSelector({
        metric: 'http_requests_total',
        matchers: [
          { name: 'job', op: '=', value: 'checkout' },
          { name: 'code', op: '=~', value: '5..' },
        ],
      }),
    ).toBe('http_requests_total{job="checkout", code=~"5.."}');
  });

  it('writes a bare metric without braces, and matchers only in braces', () => {
    expect(formatVectorSelector({ metric: 'up', matchers: [] })).toBe('up');
    expect(
      formatVectorSelector({
        metric: '',
        matchers: [{ name: 'job', op: '!=', value: '' }],
      }),
    ).toBe('{job!=""}');
  });

  it('appends extra matchers without repeating one already there', () => {
    const entity = {
      name: 'backstage_entity',
      op: '=' as const,
      value: 'component:default/a',
    };
    expect(
      formatVectorSelector(
        {
          metric: 'x_total',
          matchers: [{ name: 'code', op: '=~', value: '5..' }],
        },
        [entity],
      ),
    ).toBe('x_total{code=~"5..", backstage_entity="component:default/a"}');
    expect(
      formatVectorSelector({ metric: 'x_total', matchers: [entity] }, [entity]),
    ).toBe('x_total{backstage_entity="component:default/a"}');
  });

  it('escapes values so that they read back unchanged', () => {
    const selector = {
      metric: 'x',
      matchers: [
        { name: 'path', op: '=' as const, value: 'C:\\dir "quoted"\nnext' },
        { name: 're', op: '=~' as const, value: 'a\\.b|c' },
      ],
    };
    const text = formatVectorSelector(selector);
    expect(text).toBe(
      'x{path="C:\\\\dir \\"quoted\\"\\nnext", re=~"a\\\\.b|c"}',
    );
    expect(parseVectorSelector(text)).toEqual({ ok: true, value: selector });
  });

  it('writes names that cannot stand bare as quoted names or a __name__ matcher', () => {
    expect(
      formatVectorSelector({
        metric: 'http.server.duration',
        matchers: [{ name: 'service.name', op: '=', value: 'a' }],
      }),
    ).toBe('{__name__="http.server.duration", "service.name"="a"}');
    expect(formatVectorSelector({ metric: 'on', matchers: [] })).toBe(
      '{__name__="on"}',
    );
    expect(formatVectorSelector({ metric: 'inf', matchers: [] })).toBe(
      '{__name__="inf"}',
    );
  });
});
