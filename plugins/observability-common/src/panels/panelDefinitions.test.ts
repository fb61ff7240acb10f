import { parsePanelDefinitions } from './panelDefinitions';

const ME = 'component:default/checkout';
const parse = (text: string, allowUnscoped = false) =>
  parsePanelDefinitions(text, { entityRef: ME, allowUnscoped });

describe('parsePanelDefinitions', () => {
  it('reads title, query, unit, kind and legend, with line and short as defaults', () => {
    const result = parse(`
- title: Orders per second
  query: sum by (country) (rate(shop_orders_total{backstage_entity="${ME}"}[5m]))
  unit: ops
  kind: bar
  legend: "{{country}}"
- title: Queue depth
  query: queue_depth{backstage_entity="${ME}"}
`);
    expect(result.problems).toEqual([]);
    expect(result.panels).toEqual([
      {
        title: 'Orders per second',
        query: `sum by (country) (rate(shop_orders_total{backstage_entity="${ME}"}[5m]))`,
        unit: 'ops',
        kind: 'bar',
        legend: '{{country}}',
        source: 'lookout.dev/panels',
      },
      {
        title: 'Queue depth',
        query: `queue_depth{backstage_entity="${ME}"}`,
        unit: 'short',
        kind: 'line',
        source: 'lookout.dev/panels',
      },
    ]);
  });

  it('refuses a panel that could read another entity, naming its index and why, and keeps the others', () => {
    const result = parse(`
- title: Mine
  query: up{backstage_entity="${ME}"}
- title: Everyone
  query: sum(up{backstage_entity=~".+"})
`);
    expect(result.panels.map(p => p.title)).toEqual(['Mine']);
    expect(result.problems).toEqual([
      {
        severity: 'error',
        annotation: 'lookout.dev/panels',
        path: '[1].query',
        message: `panel 1 ("Everyone") could read another entity's series: selector up{backstage_entity=~".+"} (column 5) matches backstage_entity with =~; only the equality backstage_entity="${ME}" keeps it on this entity's series`,
      },
    ]);
  });

  it('accepts unscoped queries only when the platform allows them', () => {
    const text = '- title: All\n  query: sum(up)';
    expect(parse(text).panels).toEqual([]);
    expect(parse(text, true).panels).toHaveLength(1);
  });

  it('names the field of every other mistake', () => {
    const result = parse(`
- title: A
  query: rate(x[5m]
- query: x
- title: C
  query: x{backstage_entity="${ME}"}
  unit: dollars
  colour: red
- just text
`);
    expect(result.problems.map(p => [p.path, p.message])).toEqual([
      ['[0].query', expect.stringMatching(/^"rate\(x\[5m\]" /)],
      ['[1].title', 'is missing; expected a title, e.g. Orders per second'],
      [
        '[2].unit',
        'found "dollars"; expected one of short, none, percent, percentunit, s, ms, bytes, reqps, ops, currencyUSD, currencyEUR, currencyGBP',
      ],
      [
        '[2].colour',
        'unknown field "colour"; expected one of: title, query, unit, kind, legend',
      ],
      ['[3]', expect.stringMatching(/^found "just text"; expected a panel/)],
    ]);
    expect(result.panels).toEqual([]);
  });

  it('says when the value is not a YAML list', () => {
    expect(parse('title: x').problems[0]).toMatchObject({
      path: '',
      message: expect.stringMatching(
        /^found a map; expected a YAML list of panels/,
      ),
    });
  });
});
