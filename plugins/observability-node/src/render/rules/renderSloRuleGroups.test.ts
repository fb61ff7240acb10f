import { SloSpec } from '@lookout/plugin-observability-common';
import {
  entity,
  renderInput,
  renderOptions,
} from '../../__fixtures__/renderInputs';
import { PrometheusRule, RenderInput } from '../types';
import { divisions, numberLiterals } from './__testUtils__/promqlTree';
import {
  goodRatioSlo,
  latencySlo,
  ratioSlo,
} from './__testUtils__/sloFixtures';
import { checkPromql } from './checkPromql';
import { renderSloRuleGroups } from './renderSloRuleGroups';

const IDENTITY = {
  slo: 'availability',
  backstage_entity: 'component:default/checkout',
};
const S = 'slo="availability", backstage_entity="component:default/checkout"';

function render(slos: SloSpec[], input?: Partial<RenderInput['spec']>) {
  return renderSloRuleGroups(renderInput({ slos, ...input }), renderOptions);
}

function allRules(slos: SloSpec[]): PrometheusRule[] {
  return render(slos).groups.flatMap(g => g.rules);
}

function alert(
  rules: PrometheusRule[],
  severity: string,
): PrometheusRule | undefined {
  return rules.find(
    r => r.alert === 'ErrorBudgetBurn' && r.labels?.severity === severity,
  );
}

describe('renderSloRuleGroups', () => {
  describe('series and alerts of the contract', () => {
    const { groups, problems } = render([ratioSlo({ labels: { tier: '1' } })]);
    const rules = groups.flatMap(g => g.rules);

    it('lays out three groups per SLO: the alert windows, the 5-minute sums, the slow budget group', () => {
      expect(groups.map(g => [g.name, g.interval])).toEqual([
        ['lookout/component:default/checkout/availability', undefined],
        ['lookout/component:default/checkout/availability/sums', '5m'],
        ['lookout/component:default/checkout/availability/budget', '2m'],
      ]);
      expect(problems).toEqual([]);
    });

    it('records the rates first, then every window, then alerts (dependency order)', () => {
      expect(groups[0].rules.map(r => r.record ?? r.alert)).toEqual([
        'slo:sli_errors:rate5m',
        'slo:sli_total:rate5m',
        'slo:objective:ratio',
        'slo_info',
        ...Array(7).fill('slo:sli_error:ratio'),
        'ErrorBudgetBurn',
        'ErrorBudgetBurn',
        'SLOMetricsMissing',
      ]);
      expect(groups[1].rules.map(r => [r.record, r.expr])).toEqual([
        [
          'slo:sli_errors:sum5m',
          'sum_over_time(slo:sli_errors:rate5m{slo="availability", backstage_entity="component:default/checkout"}[5m])',
        ],
        [
          'slo:sli_total:sum5m',
          'sum_over_time(slo:sli_total:rate5m{slo="availability", backstage_entity="component:default/checkout"}[5m])',
        ],
      ]);
      expect(groups[2].rules.map(r => r.record)).toEqual([
        'slo:sli_error:ratio',
        'slo:error_budget_remaining:ratio',
      ]);
    });

    it('records the error ratio of every contract window, labelled slo, backstage_entity, window', () => {
      const ratios = rules.filter(r => r.record === 'slo:sli_error:ratio');
      expect(ratios.map(r => r.labels)).toEqual(
        ['5m', '30m', '1h', '2h', '6h', '1d', '3d', '30d'].map(window => ({
          ...IDENTITY,
          window,
        })),
      );
    });

    it('keeps the volatile labels off every series but slo_info', () => {
      for (const rule of rules.filter(
        r => r.record && r.record !== 'slo_info',
      )) {
        const { window, ...rest } = rule.labels ?? {};
        expect(rest).toEqual(IDENTITY);
        expect(
          window === undefined || rule.record === 'slo:sli_error:ratio',
        ).toBe(true);
      }
      expect(rules.find(r => r.record === 'slo_info')).toEqual({
        record: 'slo_info',
        expr: 'vector(1)',
        labels: {
          ...IDENTITY,
          description: 'Checkout requests succeed',
          indicator: 'ratio',
          objective: '0.999',
          owner: 'group:default/team-shop',
          team: 'team-shop',
          tier: '1',
          window: '30d',
        },
      });
    });

    it('derives the windows from the recorded rates, traffic-weighted; 1h from the raw counters; from 1d on from the 5-minute sums', () => {
      const ratio = (window: string) =>
        rules.find(
          r =>
            r.record === 'slo:sli_error:ratio' && r.labels?.window === window,
        )!.expr;
      expect(ratio('5m')).toBe(
        `slo:sli_errors:rate5m{${S}} / (slo:sli_total:rate5m{${S}} > 0)`,
      );
      expect(ratio('30m')).toBe(
        `sum_over_time(slo:sli_errors:rate5m{${S}}[30m]) / (sum_over_time(slo:sli_total:rate5m{${S}}[30m]) > 0)`,
      );
      expect(ratio('1h')).toBe(
        '(sum(rate(http_requests_total{job="checkout", code=~"5.."}[1h])) or vector(0))' +
          ' / (sum(rate(http_requests_total{job="checkout"}[1h])) > 0)',
      );
      expect(ratio('6h')).toContain('slo:sli_errors:rate5m{');
      for (const window of ['1d', '3d', '30d']) {
        expect(ratio(window)).toBe(
          `sum_over_time(slo:sli_errors:sum5m{${S}}[${window}]) / (sum_over_time(slo:sli_total:sum5m{${S}}[${window}]) > 0)`,
        );
      }
      expect(
        rules.find(r => r.record === 'slo:error_budget_remaining:ratio')!.expr,
      ).toBe(
        `1 - sum without (window) (slo:sli_error:ratio{${S}, window="30d"}) / 0.001`,
      );
      expect(rules.find(r => r.record === 'slo:objective:ratio')!.expr).toBe(
        'vector(0.999)',
      );
    });

    it('labels burn alerts with slo, backstage_entity, severity, team and the SLO labels', () => {
      for (const severity of ['page', 'ticket']) {
        expect(alert(rules, severity)?.labels).toEqual({
          ...IDENTITY,
          severity,
          team: 'team-shop',
          tier: '1',
        });
        expect(alert(rules, severity)?.for).toBeUndefined();
      }
      expect(rules.find(r => r.alert === 'SLOMetricsMissing')).toMatchObject({
        for: '10m',
        labels: {
          ...IDENTITY,
          severity: 'ticket',
          team: 'team-shop',
          tier: '1',
        },
      });
    });

    it('annotates alerts with summary, a description printing the burn rate, and links', () => {
      const page = alert(rules, 'page')!;
      expect(Object.keys(page.annotations ?? {}).sort()).toEqual([
        'backstage_url',
        'dashboard_url',
        'description',
        'runbook_url',
        'summary',
      ]);
      expect(page.annotations).toMatchObject({
        backstage_url:
          'https://backstage.example.com/catalog/default/component/checkout',
        dashboard_url:
          'https://grafana.example.com/d/component_default_checkout',
        runbook_url:
          'https://backstage.example.com/catalog/default/component/checkout',
      });
      expect(page.annotations?.description).toContain(
        '{{ printf "%.1f" $value }}x',
      );
      expect(page.annotations?.description).toContain(
        '14.4x (an error ratio of 0.0144) over 1h and 5m, or 6x (an error ratio of 0.006) over 6h and 30m',
      );
    });

    it("makes the burn alert's value the current burn rate, fired by the tiers", () => {
      expect(alert(rules, 'page')!.expr).toBe(
        [
          'max without (window) (',
          `  slo:sli_error:ratio{${S}, window="5m"} / 0.001`,
          '  or',
          `  slo:objective:ratio{${S}} * 0`,
          ')',
          'and on (slo, backstage_entity)',
          '(',
          '  (',
          `    slo:sli_error:ratio{${S}, window="1h"} > 0.0144`,
          '    and on (slo, backstage_entity)',
          `    slo:sli_error:ratio{${S}, window="5m"} > 0.0144`,
          '  )',
          '  or',
          '  (',
          `    slo:sli_error:ratio{${S}, window="6h"} > 0.006`,
          '    and on (slo, backstage_entity)',
          `    slo:sli_error:ratio{${S}, window="30m"} > 0.006`,
          '  )',
          ')',
        ].join('\n'),
      );
      expect(alert(rules, 'ticket')!.expr).toContain('window="1d"} > 0.003\n');
      expect(alert(rules, 'ticket')!.expr).toContain('window="3d"} > 0.0011\n');
    });

    it('alerts on missing data when either recorded rate is absent', () => {
      expect(rules.find(r => r.alert === 'SLOMetricsMissing')!.expr).toBe(
        `absent(slo:sli_total:rate5m{${S}}) or absent(slo:sli_errors:rate5m{${S}})`,
      );
    });
  });

  describe('exact decimals', () => {
    // docs/slo-alerting.md: factors 14.4 (at most a 10 % error ratio), 6, 3 and 1.1 at every
    // window; the thresholds are `factor × budget`, exact.
    const windows = ['7d', '28d', '30d', '4w', '90d'];
    const budgets: Record<string, [string, string]> = {
      '99': ['0.99', '0.01'],
      '99.5': ['0.995', '0.005'],
      '99.9': ['0.999', '0.001'],
      '99.95': ['0.9995', '0.0005'],
      '99.99': ['0.9999', '0.0001'],
    };
    const thresholds: Record<string, string[]> = {
      '99': ['0.1', '0.06', '0.03', '0.011'],
      '99.5': ['0.072', '0.03', '0.015', '0.0055'],
      '99.9': ['0.0144', '0.006', '0.003', '0.0011'],
      '99.95': ['0.0072', '0.003', '0.0015', '0.00055'],
      '99.99': ['0.00144', '0.0006', '0.0003', '0.00011'],
    };
    const cases = Object.keys(budgets).flatMap(objective =>
      windows.map(window => [objective, window] as const),
    );

    it.each(cases)(
      'writes %p%% over %p with exact objective, budget and thresholds',
      (objective, window) => {
        const [fraction, budget] = budgets[objective];
        const rules = allRules([
          ratioSlo({ objective: Number(objective), window }),
        ]);
        expect(rules.find(r => r.record === 'slo:objective:ratio')!.expr).toBe(
          `vector(${fraction})`,
        );
        expect(
          rules.find(r => r.record === 'slo_info')!.labels?.objective,
        ).toBe(fraction);
        expect(
          rules.find(r => r.record === 'slo:error_budget_remaining:ratio')!
            .expr,
        ).toMatch(new RegExp(` / ${budget.replace('.', '\\.')}$`));
        const [t1, t2, t3, t4] = thresholds[objective];
        expect(alert(rules, 'page')!.expr).toContain(`window="1h"} > ${t1}\n`);
        expect(alert(rules, 'page')!.expr).toContain(`window="6h"} > ${t2}\n`);
        expect(alert(rules, 'ticket')!.expr).toContain(
          `window="1d"} > ${t3}\n`,
        );
        expect(alert(rules, 'ticket')!.expr).toContain(
          `window="3d"} > ${t4}\n`,
        );
        for (const rule of rules) {
          for (const literal of numberLiterals(rule.expr)) {
            expect(literal).toMatch(/^\d+(\.\d{1,10})?$/);
          }
        }
      },
    );

    it('multiplies thresholds exactly: 14.4 × 0.0005 = 0.0072', () => {
      const page = alert(allRules([ratioSlo({ objective: 99.95 })]), 'page')!;
      expect(page.annotations?.description).toContain(
        '14.4x (an error ratio of 0.0072)',
      );
      expect(page.annotations?.description).toContain('(99.95% over 30d)');
    });
  });

  it('never divides by a denominator that can be 0 (no 0/0 = NaN is ever recorded)', () => {
    const rules = allRules([
      ratioSlo(),
      goodRatioSlo(),
      latencySlo(),
      latencySlo('native', { name: 'native' }),
    ]);
    let checked = 0;
    for (const rule of rules) {
      for (const division of divisions(rule.expr)) {
        checked += 1;
        expect({ rule: rule.record ?? rule.alert, ...division }).toMatchObject({
          guarded: true,
        });
      }
    }
    expect(checked).toBeGreaterThan(40);
  });

  describe('tiers left out (docs/slo-alerting.md)', () => {
    it('leaves out the capped 1h tier at 90 % and leaves the warning to the parser', () => {
      const { groups, problems } = render([ratioSlo({ objective: 90 })]);
      const rules = groups.flatMap(g => g.rules);
      expect(alert(rules, 'page')!.expr).not.toContain('window="1h"}');
      expect(alert(rules, 'page')!.expr).toContain('window="6h"} > 0.6\n');
      // Reported once, by the parser, in the words of describeUnreachableTier.
      expect(problems).toEqual([]);
    });

    it('drops a whole severity when none of its tiers can fire', () => {
      const rules = render([ratioSlo({ objective: 80 })]).groups.flatMap(
        g => g.rules,
      );
      expect(alert(rules, 'page')).toBeUndefined();
      expect(alert(rules, 'ticket')!.expr).toContain('window="3d"} > 0.22\n');
      expect(alert(rules, 'ticket')!.expr).toContain('window="1d"} > 0.6\n');
    });
  });

  it('leaves out the page or ticket alert when switched off', () => {
    const noPage = allRules([
      ratioSlo({ alerting: { page: false, ticket: true, minEvents: 0 } }),
    ]);
    expect(alert(noPage, 'page')).toBeUndefined();
    expect(alert(noPage, 'ticket')).toBeDefined();
    // page: false, ticket: false means no alert at all, as in Sloth's "no alerts" example.
    const none = allRules([
      ratioSlo({ alerting: { page: false, ticket: false, minEvents: 0 } }),
    ]);
    expect(none.filter(r => r.alert)).toEqual([]);
  });

  it('emits SLOMetricsMissing by its own switch', () => {
    const only = allRules([
      ratioSlo({
        alerting: {
          page: false,
          ticket: false,
          metricsMissing: true,
          minEvents: 0,
        },
      }),
    ]);
    expect(only.filter(r => r.alert).map(r => r.alert)).toEqual([
      'SLOMetricsMissing',
    ]);
    const burnOnly = allRules([
      ratioSlo({
        alerting: {
          page: true,
          ticket: true,
          metricsMissing: false,
          minEvents: 0,
        },
      }),
    ]);
    expect(burnOnly.filter(r => r.alert).map(r => r.alert)).toEqual([
      'ErrorBudgetBurn',
      'ErrorBudgetBurn',
    ]);
  });

  it('guards every tier with the events of its long window when minEvents is set', () => {
    const rules = allRules([
      ratioSlo({ alerting: { page: true, ticket: true, minEvents: 100 } }),
    ]);
    const guard = (window: string, seconds: number) =>
      `avg_over_time(slo:sli_total:rate5m{${S}}[${window}]) * ${seconds} >= 100`;
    expect(alert(rules, 'page')!.expr).toContain(guard('1h', 3600));
    expect(alert(rules, 'page')!.expr).toContain(guard('6h', 21600));
    expect(alert(rules, 'ticket')!.expr).toContain(guard('1d', 86400));
    expect(alert(rules, 'ticket')!.expr).toContain(guard('3d', 259200));
    expect(alert(allRules([ratioSlo()]), 'page')!.expr).not.toContain(
      'avg_over_time',
    );
  });

  describe('SLI rates', () => {
    const rates = (slo: SloSpec) => {
      const rules = allRules([slo]);
      return {
        errors: rules.find(r => r.record === 'slo:sli_errors:rate5m')!.expr,
        total: rules.find(r => r.record === 'slo:sli_total:rate5m')!.expr,
      };
    };

    it('reads errors counters as written, absent errors counting as none', () => {
      expect(rates(ratioSlo())).toEqual({
        errors:
          'sum(rate(http_requests_total{job="checkout", code=~"5.."}[5m])) or vector(0)',
        total: 'sum(rate(http_requests_total{job="checkout"}[5m]))',
      });
    });

    it('derives errors as total minus good for good counters', () => {
      expect(rates(goodRatioSlo())).toEqual({
        errors:
          'clamp_min(sum(rate(payments_total{service="payments"}[5m])) - sum(rate(payments_total{service="payments", outcome="ok"}[5m])), 0)',
        total: 'sum(rate(payments_total{service="payments"}[5m]))',
      });
    });

    it('counts classic histogram requests above the threshold at every le spelling', () => {
      expect(rates(latencySlo())).toEqual({
        errors:
          'clamp_min(sum(rate(http_request_duration_seconds_count{job="checkout"}[5m])) - sum(rate(http_request_duration_seconds_bucket{job="checkout", le=~"0?\\\\.30*"}[5m])), 0)',
        total:
          'sum(rate(http_request_duration_seconds_count{job="checkout"}[5m]))',
      });
    });

    it('uses histogram_fraction on native histograms, never multiplying by a NaN fraction', () => {
      const h = 'sum(rate(http_request_duration_seconds{job="checkout"}[5m]))';
      expect(rates(latencySlo('native'))).toEqual({
        errors: `(histogram_count(${h}) > 0) * (1 - histogram_fraction(0, 0.3, ${h})) or histogram_count(${h})`,
        total: `histogram_count(${h})`,
      });
    });

    it('reads the 1h window with the same expressions over the hour, `or` kept inside the numerator', () => {
      const h = 'sum(rate(http_request_duration_seconds{job="checkout"}[1h]))';
      const hourRatio = allRules([latencySlo('native')]).find(
        r => r.record === 'slo:sli_error:ratio' && r.labels?.window === '1h',
      )!.expr;
      expect(hourRatio).toBe(
        `((histogram_count(${h}) > 0) * (1 - histogram_fraction(0, 0.3, ${h})) or histogram_count(${h}))` +
          ` / (histogram_count(${h}) > 0)`,
      );
    });
  });

  describe('links', () => {
    const runbook = (
      slo: SloSpec,
      spec: Partial<RenderInput['spec']> = {},
      defaultRunbookUrl?: string,
    ) =>
      alert(
        renderSloRuleGroups(renderInput({ slos: [slo], ...spec }), {
          ...renderOptions,
          defaultRunbookUrl,
        }).groups.flatMap(g => g.rules),
        'page',
      )!.annotations!.runbook_url;

    it('picks the runbook of the SLO, then the entity, then the default, then the entity page', () => {
      const withOwn = ratioSlo({
        alerting: {
          page: true,
          ticket: true,
          minEvents: 0,
          runbook: 'https://r/slo',
        },
      });
      expect(
        runbook(
          withOwn,
          { runbookUrl: 'https://r/entity' },
          'https://r/default',
        ),
      ).toBe('https://r/slo');
      expect(
        runbook(
          ratioSlo(),
          { runbookUrl: 'https://r/entity' },
          'https://r/default',
        ),
      ).toBe('https://r/entity');
      expect(runbook(ratioSlo(), {}, 'https://r/default')).toBe(
        'https://r/default',
      );
      expect(runbook(ratioSlo())).toBe(
        'https://backstage.example.com/catalog/default/component/checkout',
      );
    });

    it('links the dashboard only when Grafana is configured and the entity has one', () => {
      const annotations = (options = renderOptions, dashboard = true) =>
        renderSloRuleGroups(
          renderInput({ slos: [ratioSlo()], dashboard }),
          options,
        ).groups[0].rules.find(r => r.alert)!.annotations!;
      expect(annotations().dashboard_url).toBe(
        'https://grafana.example.com/d/component_default_checkout',
      );
      expect(
        annotations({ ...renderOptions, grafanaBaseUrl: undefined })
          .dashboard_url,
      ).toBeUndefined();
      expect(annotations(renderOptions, false).dashboard_url).toBeUndefined();
    });

    it('builds the Backstage URL from the lowercased kind and namespace', () => {
      const input = renderInput(
        { slos: [ratioSlo()] },
        entity('Checkout', { namespace: 'shop', kind: 'System' }),
      );
      const rule = renderSloRuleGroups(input, {
        ...renderOptions,
        backstageBaseUrl: 'https://b.example/',
      }).groups[0].rules.find(r => r.alert)!;
      expect(rule.annotations?.backstage_url).toBe(
        'https://b.example/catalog/shop/system/Checkout',
      );
    });
  });

  it("routes by the owner's name and by nothing an SLO's labels say", () => {
    // The parser refuses `team` in labels; a spec built by hand cannot reroute either.
    const rules = allRules([ratioSlo({ labels: { team: 'sre' } })]);
    expect(alert(rules, 'page')!.labels?.team).toBe('team-shop');
  });

  it('escapes template syntax coming from users in alert labels and annotations', () => {
    const slo = ratioSlo({
      labels: { note: '{{ $value }}' },
      indicator: {
        type: 'ratio',
        total: {
          metric: 'up',
          matchers: [{ name: 'x', op: '=', value: '{{' }],
        },
        errors: { metric: 'down', matchers: [] },
      },
    });
    const rules = allRules([slo]);
    expect(alert(rules, 'page')!.labels?.note).toBe('{{ "{{" }} $value }}');
    const missing = rules.find(r => r.alert === 'SLOMetricsMissing')!;
    expect(missing.annotations?.description).toContain(
      'up{x="{{ "{{" }}"} matches no series',
    );
  });

  it('renders the same input to identical output, without touching the input', () => {
    const input = renderInput({
      slos: [
        ratioSlo(),
        goodRatioSlo(),
        latencySlo(),
        latencySlo('native', { name: 'n' }),
      ],
    });
    const before = JSON.stringify(input);
    const first = renderSloRuleGroups(input, renderOptions);
    const second = renderSloRuleGroups(input, renderOptions);
    expect(JSON.stringify(second)).toBe(JSON.stringify(first));
    expect(JSON.stringify(input)).toBe(before);
  });

  it('parses every generated expression with lezer-promql', () => {
    const rules = allRules([
      ratioSlo(),
      goodRatioSlo(),
      latencySlo(),
      latencySlo('native', { name: 'n' }),
    ]);
    for (const rule of rules) {
      expect(() =>
        checkPromql(rule.expr, rule.record ?? rule.alert ?? ''),
      ).not.toThrow();
    }
    expect(() => checkPromql('sum(rate(x[5m])', 'slo:broken')).toThrow(
      /internal error: the generated expression of rule slo:broken is not valid PromQL/,
    );
  });
});
