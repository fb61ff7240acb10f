/*
 * The Pyrra-form emitter against Pyrra's own expected rules (`__fixtures__/pyrra`): for the
 * SloSpec equivalent to each Pyrra objective, the same groups and intervals, record and alert
 * names, windows, expressions (compared as lezer-promql trees), factors, `for`, labels and
 * annotations.
 */
import { comparableGroups, readGoldenGroups } from './goldenRules';
import { pyrraPeriodErrorRatioQuery, pyrraRuleGroups } from './pyrraForm';
import { promqlSignature } from './promqlSignature';
import { sloSpec } from './sloSpecs';

const EXTERNAL_URL = 'http://localhost:9090';

const httpErrors = sloSpec({
  name: 'errors',
  objective: 99,
  window: '28d',
  errors: 'http_requests_total{job="thanos-receive-default",code=~"5.."}',
  total: 'http_requests_total{job="thanos-receive-default"}',
});

const httpLatency = (histogramType: 'classic' | 'native') =>
  sloSpec({
    name: 'latency',
    objective: 99.5,
    window: '28d',
    latency: {
      histogram: 'http_request_duration_seconds',
      histogramType,
      thresholdSeconds: 1,
      selector: '{job="metrics-service-thanos-receive-default",code=~"2.."}',
    },
  });

describe('pyrraRuleGroups', () => {
  it('writes what Pyrra writes for a ratio objective (http-ratio)', () => {
    const groups = pyrraRuleGroups(httpErrors, {
      name: 'monitoring-http-errors',
      externalUrl: EXTERNAL_URL,
    });
    expect(comparableGroups(groups)).toEqual(
      comparableGroups(
        readGoldenGroups('pyrra/monitoring-http-errors.output.yaml'),
      ),
    );
  });

  it('writes the generic rules of --generic-rules, and reports the period error ratio as one minus pyrra_availability', () => {
    const options = {
      name: 'monitoring-http-errors',
      externalUrl: EXTERNAL_URL,
      genericRules: true,
    };
    const golden = readGoldenGroups(
      'pyrra/monitoring-http-errors.generic-rules.output.yaml',
    );
    expect(comparableGroups(pyrraRuleGroups(httpErrors, options))).toEqual(
      comparableGroups(golden),
    );

    const availability = golden[2].rules.find(
      r => r.record === 'pyrra_availability',
    );
    expect(
      promqlSignature(`1 - ${pyrraPeriodErrorRatioQuery(httpErrors, options)}`),
    ).toEqual(promqlSignature(String(availability?.expr)));
  });

  it('matches the ConfigMap Pyrra’s controller writes, with propagated labels and annotations (Test_makeConfigMap)', () => {
    const groups = pyrraRuleGroups(
      sloSpec({
        name: 'http',
        objective: 99.5,
        window: '28d',
        errors: 'http_requests_total{job="app",status=~"5.."}',
        total: 'http_requests_total{job="app"}',
      }),
      {
        name: 'http',
        propagatedLabels: { team: 'foo' },
        propagatedAnnotations: { description: 'foo' },
        partialResponseStrategy: 'warn',
      },
    );
    expect(comparableGroups(groups)).toEqual(
      comparableGroups(readGoldenGroups('pyrra/http-ratio-28d.output.yaml')),
    );
  });

  it('groups by the grouping labels and templates them into pyrra_url (http-ratio-grouping)', () => {
    const groups = pyrraRuleGroups(httpErrors, {
      name: 'monitoring-http-errors',
      externalUrl: EXTERNAL_URL,
      grouping: ['job', 'handler'],
    });
    expect(comparableGroups(groups)).toEqual(
      comparableGroups(
        readGoldenGroups('pyrra/monitoring-http-errors-grouping.output.yaml'),
      ),
    );
  });

  it('sums 5m increases with a subquery when performance goes over accuracy (http-ratio-less-accuracy)', () => {
    const [increase] = pyrraRuleGroups(httpErrors, {
      name: 'monitoring-http-errors',
      performanceOverAccuracy: true,
    });
    expect(comparableGroups([increase])).toEqual(
      comparableGroups(
        readGoldenGroups(
          'pyrra/monitoring-http-errors-performance.increase-group.output.yaml',
        ),
      ),
    );
  });

  it('writes what Pyrra writes for a classic-histogram latency objective (http-latency)', () => {
    const groups = pyrraRuleGroups(httpLatency('classic'), {
      name: 'monitoring-http-latency',
      externalUrl: EXTERNAL_URL,
    });
    expect(comparableGroups(groups)).toEqual(
      comparableGroups(
        readGoldenGroups('pyrra/monitoring-http-latency.output.yaml'),
      ),
    );
  });

  it('writes what Pyrra writes for a native-histogram latency objective (http-latency-native)', () => {
    const groups = pyrraRuleGroups(httpLatency('native'), {
      name: 'monitoring-http-latency',
      externalUrl: EXTERNAL_URL,
    });
    expect(comparableGroups(groups)).toEqual(
      comparableGroups(
        readGoldenGroups('pyrra/monitoring-http-latency-native.output.yaml'),
      ),
    );
  });

  it('scales its windows but not its factors to a 30d window', () => {
    const [increase, burnrates] = pyrraRuleGroups(
      { ...httpErrors, window: '30d' },
      { name: 'thirty' },
    );
    expect(increase.interval).toBe('2m30s');
    expect(increase.rules[0].record).toBe('http_requests:increase30d');
    expect(burnrates.rules.filter(r => r.record).map(r => r.record)).toEqual([
      'http_requests:burnrate5m',
      'http_requests:burnrate32m',
      'http_requests:burnrate1h4m',
      'http_requests:burnrate2h9m',
      'http_requests:burnrate6h26m',
      'http_requests:burnrate1d1h43m',
      'http_requests:burnrate4d6h51m',
    ]);
    expect(
      burnrates.rules
        .filter(r => r.alert)
        .map(r => r.expr.match(/\((\d+) \*/)?.[1]),
    ).toEqual(['14', '7', '2', '1']);
  });
});
