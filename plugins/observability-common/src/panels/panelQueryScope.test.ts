import { checkPanelQueryScope, scopeQueryToEntity } from './panelQueryScope';

const ME = 'component:default/checkout';
const scoped = (query: string) => checkPanelQueryScope(query, ME);

describe('checkPanelQueryScope', () => {
  it.each([
    'rate(orders_total{backstage_entity="component:default/checkout"}[5m])',
    'sum by (le) (rate(http_request_duration_seconds_bucket{backstage_entity="component:default/checkout", route="/pay"}[5m]))',
    'orders_total{backstage_entity="component:default/checkout"} or vector(0)',
    'absent(up{backstage_entity="component:default/checkout"})',
    'max_over_time(rate(x{backstage_entity="component:default/checkout"}[5m])[1h:1m])',
    'x{backstage_entity="component:default/checkout"} offset 1d',
    'x{backstage_entity="component:default/checkout"} @ 1700000000',
    '{__name__=~".+", backstage_entity="component:default/checkout"}',
    'label_replace(x{backstage_entity="component:default/checkout"}, "route", "$1", "path", "(.*)")',
    '42',
  ])('accepts %s: every selector reads only the entity', query => {
    expect(scoped(query)).toEqual({ ok: true, value: query });
  });

  it.each([
    [
      'rate(orders_total[5m])',
      'selector orders_total (column 6) has no backstage_entity matcher, so it reads every entity\'s series; add backstage_entity="component:default/checkout"',
    ],
    [
      'x{backstage_entity=~".+"}',
      'selector x{backstage_entity=~".+"} (column 1) matches backstage_entity with =~; only the equality backstage_entity="component:default/checkout" keeps it on this entity\'s series',
    ],
    [
      'x{backstage_entity!="component:default/other"}',
      'selector x{backstage_entity!="component:default/other"} (column 1) matches backstage_entity with !=; only the equality backstage_entity="component:default/checkout" keeps it on this entity\'s series',
    ],
    [
      'x{backstage_entity="component:default/other"}',
      'selector x{backstage_entity="component:default/other"} (column 1) names another entity ("component:default/other"); panel queries may only read component:default/checkout',
    ],
    [
      'x{backstage_entity="component:default/checkout", backstage_entity=~".*"}',
      'selector x{backstage_entity="component:default/checkout", backstage_entity=~".*"} (column 1) gives backstage_entity 2 times; give it once, as backstage_entity="component:default/checkout"',
    ],
    [
      '{__name__=~".+"}',
      'selector {__name__=~".+"} (column 1) has no backstage_entity matcher, so it reads every entity\'s series; add backstage_entity="component:default/checkout"',
    ],
  ])('refuses %s', (query, reason) => {
    expect(scoped(query)).toEqual({ ok: false, message: reason });
  });

  it('checks both sides of or, and the selectors inside absent, subqueries, offset and @', () => {
    const me = '{backstage_entity="component:default/checkout"}';
    for (const query of [
      `x${me} or y`,
      `absent(nothing{backstage_entity="component:default/other"})`,
      `max_over_time(rate(x[5m])[1h:1m])`,
      `x offset 1d`,
      `x @ 1700000000`,
      `x${me} + on() group_left y`,
    ]) {
      expect(scoped(query).ok).toBe(false);
    }
  });

  it('refuses functions that write the backstage_entity label', () => {
    expect(
      scoped(
        'label_replace(x{backstage_entity="component:default/checkout"}, "backstage_entity", "component:default/other", "", "")',
      ),
    ).toEqual({
      ok: false,
      message:
        "label_replace (column 1) writes the backstage_entity label, which would present this entity's series as another's",
    });
    expect(
      scoped(
        'label_join(x{backstage_entity="component:default/checkout"}, "backstage_entity", ",", "a")',
      ).ok,
    ).toBe(false);
    expect(
      scoped(
        'count_values("backstage_entity", x{backstage_entity="component:default/checkout"})',
      ).ok,
    ).toBe(false);
  });

  it('reports every reason, and syntax errors as such', () => {
    const result = scoped('a + b');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message.split('; add').length).toBe(3);
    expect(scoped('rate(x[5m]')).toEqual({
      ok: false,
      message: expect.stringMatching(
        /^"rate\(x\[5m\]" (ends unexpectedly|has)/,
      ),
    });
  });

  it('accepts a quoted value that unescapes to the entity ref', () => {
    expect(scoped("x{backstage_entity='component:default/checkout'}").ok).toBe(
      true,
    );
  });
});

describe('scopeQueryToEntity', () => {
  it('adds the entity matcher to every selector that has none', () => {
    expect(
      scopeQueryToEntity(
        'sum by (instance) (rate(node_cpu_seconds_total{mode!="idle"}[5m])) / ignoring(mode) up',
        ME,
      ),
    ).toBe(
      'sum by (instance) (rate(node_cpu_seconds_total{backstage_entity="component:default/checkout", mode!="idle"}[5m])) / ignoring(mode) up{backstage_entity="component:default/checkout"}',
    );
    expect(scopeQueryToEntity('{job="a"}', ME)).toBe(
      '{backstage_entity="component:default/checkout", job="a"}',
    );
    expect(scopeQueryToEntity('memUsage', ME)).toBe(
      'memUsage{backstage_entity="component:default/checkout"}',
    );
  });

  it('leaves a selector that already names backstage_entity for the check to judge', () => {
    const query = 'x{backstage_entity=~".+"}';
    expect(scopeQueryToEntity(query, ME)).toBe(query);
    expect(checkPanelQueryScope(scopeQueryToEntity(query, ME), ME).ok).toBe(
      false,
    );
  });
});
