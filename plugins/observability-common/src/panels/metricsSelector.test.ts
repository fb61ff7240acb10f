import { Entity } from '@backstage/catalog-model';
import { parseObservabilitySpec } from '../spec/parseObservabilitySpec';
import { parseMetricsSelector } from './metricsSelector';
import { checkPanelQueryScope, scopeQueryToEntity } from './panelQueryScope';

const REF = 'component:default/checkout';
const JOB = [{ name: 'job', op: '=', value: 'checkout' }] as const;

function entity(annotations: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'checkout', annotations },
    spec: { owner: 'team-shop' },
  };
}

describe('lookout.dev/metrics-selector', () => {
  it('reads equality matchers', () => {
    expect(parseMetricsSelector('{job="checkout", namespace="shop"}')).toEqual({
      ok: true,
      value: [
        { name: 'job', op: '=', value: 'checkout' },
        { name: 'namespace', op: '=', value: 'shop' },
      ],
    });
  });

  it.each([
    ['{job=~"check.*"}', 'matches job with =~"check.*"'],
    ['{job!="payments"}', 'matches job with !="payments"'],
    ['{job=""}', 'matches job with =""'],
    ['up{job="checkout"}', 'names a metric'],
    ['{}', 'has no matcher'],
    [`{backstage_entity="${REF}"}`, 'matches backstage_entity'],
    ['{job="a", job="b"}', 'matches job twice'],
    ['rate(up[5m])', 'is not a bare metric selector'],
  ])('refuses %s', (text, message) => {
    const parsed = parseMetricsSelector(text);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.message).toContain(message);
  });

  it('confines panels to the selector when Lookout does not scrape the entity', () => {
    const { spec, problems } = parseObservabilitySpec(
      entity({
        'lookout.dev/metrics-selector': '{job="checkout"}',
        'lookout.dev/panels':
          '- title: ok\n  query: sum(rate(x{job="checkout"}[5m]))\n- title: other\n  query: x{job="payments"}',
        'prometheus.io/rule': 'sum by (route) (rate(y[5m]))|route',
      }),
    );
    expect(spec.metricsSelector).toEqual(JOB);
    expect(spec.panels?.map(p => p.query)).toEqual([
      'sum(rate(x{job="checkout"}[5m]))',
      'sum by (route) (rate(y{job="checkout"}[5m]))',
    ]);
    expect(problems).toEqual([
      {
        severity: 'error',
        annotation: 'lookout.dev/panels',
        path: '[1].query',
        message: `panel 1 ("other") could read another entity's series: selector x{job="payments"} (column 1) selects job="payments", outside the entity's series; panel queries of ${REF} may only read job="checkout"`,
      },
    ]);
  });

  it('is ignored with a warning on an entity Lookout scrapes (its series carry backstage_entity)', () => {
    const { spec, problems } = parseObservabilitySpec(
      entity({
        'lookout.dev/metrics-port': 'http',
        'lookout.dev/metrics-selector': '{job="checkout"}',
      }),
    );
    expect(spec.metricsSelector).toBeUndefined();
    const [warning, ...others] = problems;
    expect(others).toEqual([]);
    expect([warning.severity, warning.annotation]).toEqual([
      'warning',
      'lookout.dev/metrics-selector',
    ]);
    expect(warning.message).toMatch(/^is ignored: Lookout scrapes/);
  });

  it('under the selector, backstage_entity alone does not confine a query, and no function may write a scope label', () => {
    const check = (query: string) => checkPanelQueryScope(query, REF, JOB);
    expect(check(`x{backstage_entity="${REF}"}`)).toEqual({
      ok: false,
      message: `selector x{backstage_entity="${REF}"} (column 1) has no job matcher, so it reads series outside the entity's selector; add job="checkout"`,
    });
    expect(
      check('label_join(x{job="checkout"}, "job", ",", "instance")').ok,
    ).toBe(false);
    expect(check('x{job="checkout"} offset 5m').ok).toBe(true);
    expect(scopeQueryToEntity('x + y{a="b"}', REF, JOB)).toBe(
      'x{job="checkout"} + y{job="checkout", a="b"}',
    );
  });
});
