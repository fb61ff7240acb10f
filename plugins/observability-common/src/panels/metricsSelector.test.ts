import { Entity } from '@backstage/catalog-model';
import { parseObservabilitySpec } from '../spec/parseObservabilitySpec';
import { parseMetricsSelector } from './metricsSelector';
import { checkPanelQueryScope, scopeQueryToEntity } from './panelQueryScope';

const REF = 'component:default/checkout';
const JOB = [{ name: 'job', op: '=', value: 'checkout' }] as const;
/** The fallback scope on a selector: its matchers and no backstage_entity (series Lookout does not scrape). */
const UNSCRAPED = 'job="checkout", backstage_entity=""';

function entity(
  annotations: Record<string, string>,
  namespace = 'default',
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'checkout', namespace, annotations },
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
          '- title: ok\n  query: sum(rate(x{job="checkout", backstage_entity=""}[5m]))\n- title: other\n  query: x{job="payments", backstage_entity=""}',
        'prometheus.io/rule': 'sum by (route) (rate(y[5m]))|route',
      }),
    );
    expect(spec.metricsSelector).toEqual(JOB);
    expect(spec.panels?.map(p => p.query)).toEqual([
      'sum(rate(x{job="checkout", backstage_entity=""}[5m]))',
      'sum by (route) (rate(y{job="checkout", backstage_entity=""}[5m]))',
    ]);
    expect(problems).toEqual([
      {
        severity: 'error',
        annotation: 'lookout.dev/panels',
        path: '[1].query',
        message: `panel 1 ("other") could read another entity's series: selector x{job="payments", backstage_entity=""} (column 1) selects job="payments", outside the entity's series; panel queries of ${REF} may only read job="checkout"`,
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
      message: `selector x{backstage_entity="${REF}"} (column 1) has no job matcher, so it reads series outside the entity's selector; add job="checkout"; selector x{backstage_entity="${REF}"} (column 1) selects backstage_entity="${REF}", outside the entity's series; panel queries of ${REF} may only read backstage_entity=""`,
    });
    expect(
      check(`label_join(x{${UNSCRAPED}}, "job", ",", "instance")`).ok,
    ).toBe(false);
    expect(
      check(
        `label_replace(x{${UNSCRAPED}}, "backstage_entity", "component:default/payments", "", "")`,
      ).ok,
    ).toBe(false);
    expect(check(`x{${UNSCRAPED}} offset 5m`).ok).toBe(true);
    expect(scopeQueryToEntity('x + y{a="b"}', REF, JOB)).toBe(
      `x{${UNSCRAPED}} + y{${UNSCRAPED}, a="b"}`,
    );
  });

  it('never reaches the series Lookout scrapes: every selector must also match backstage_entity=""', () => {
    // A job whose series Lookout labels with backstage_entity (its own scrape of payments).
    const check = (query: string) => checkPanelQueryScope(query, REF, JOB);
    expect(check('x{job="checkout"}')).toEqual({
      ok: false,
      message:
        'selector x{job="checkout"} (column 1) has no backstage_entity matcher, so it also reads the series Lookout scrapes, every entity\'s; add backstage_entity=""',
    });
    expect(check('x{job="checkout", backstage_entity=~".*"}')).toEqual({
      ok: false,
      message:
        'selector x{job="checkout", backstage_entity=~".*"} (column 1) matches backstage_entity with =~; only the equality backstage_entity="" keeps it on this entity\'s series',
    });
  });

  describe('under the platform policy observability.scope.allow.metricLabels', () => {
    const policy = {
      scope: { allow: { metricLabels: { job: ['{{name}}', '{{name}}-*'] } } },
    };
    const selectorProblems = (selector: string, namespace?: string) =>
      parseObservabilitySpec(
        entity({ 'lookout.dev/metrics-selector': selector }, namespace),
        policy,
      );

    it('accepts a selector whose listed labels have allowed values', () => {
      const { spec, problems } = selectorProblems(
        '{job="checkout-canary", namespace="shop"}',
      );
      expect(problems).toEqual([]);
      expect(spec.metricsSelector).toEqual([
        { name: 'job', op: '=', value: 'checkout-canary' },
        { name: 'namespace', op: '=', value: 'shop' },
      ]);
    });

    it("refuses another entity's job, naming the label and the config key", () => {
      const { spec, problems } = selectorProblems('{job="payments"}', 'shop');
      expect(spec.metricsSelector).toBeUndefined();
      expect(problems).toEqual([
        {
          severity: 'error',
          annotation: 'lookout.dev/metrics-selector',
          path: '',
          message:
            '{job="payments"} may not select job="payments": the platform allows job="checkout" or "checkout-*" (observability.scope.allow.metricLabels)',
        },
      ]);
    });

    it('refuses a selector that uses none of the listed labels', () => {
      const { spec, problems } = selectorProblems('{namespace="shop"}');
      expect(spec.metricsSelector).toBeUndefined();
      expect(problems.map(p => [p.annotation, p.message])).toEqual([
        [
          'lookout.dev/metrics-selector',
          '{namespace="shop"} must select one of the labels job with = (observability.scope.allow.metricLabels)',
        ],
      ]);
    });
  });
});
