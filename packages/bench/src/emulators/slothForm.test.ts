/*
 * The Sloth-form emitter against Sloth's own generated outputs (`__fixtures__/sloth`): for the
 * SloSpec equivalent to each Sloth input, the same groups, record and alert names, windows,
 * expressions (compared as lezer-promql trees), factors, labels and annotations.
 */
import { comparableGroups, readGoldenGroups } from './goldenRules';
import { slothRuleGroups } from './slothForm';
import { sloSpec } from './sloSpecs';

const EXAMPLES_LABELS = { cmd: 'examplesgen.sh' };

describe('slothRuleGroups', () => {
  it('writes what Sloth writes for examples/getting-started.yml', () => {
    const slo = sloSpec({
      name: 'requests-availability',
      objective: 99.9,
      errors:
        'http_request_duration_seconds_count{job="myservice",code=~"(5..|429)"}',
      total: 'http_request_duration_seconds_count{job="myservice"}',
    });
    const groups = slothRuleGroups(slo, {
      service: 'myservice',
      labels: {
        owner: 'myteam',
        repo: 'myorg/myservice',
        tier: '2',
        ...EXAMPLES_LABELS,
      },
      alertName: 'MyServiceHighErrorRate',
      alertLabels: { category: 'availability' },
      alertAnnotations: {
        summary: "High error rate on 'myservice' requests responses",
      },
      pageLabels: { severity: 'pageteam', routing_key: 'myteam' },
      ticketLabels: { severity: 'slack', slack_channel: '#alerts-myteam' },
    });
    expect(comparableGroups(groups)).toEqual(
      comparableGroups(readGoldenGroups('sloth/getting-started.output.yml')),
    );
  });

  it('writes what Sloth writes for examples/kubernetes-apiserver.yml, latency from a classic histogram included', () => {
    const options = {
      service: 'k8s-apiserver',
      labels: {
        cluster: 'valhalla',
        component: 'kubernetes',
        ...EXAMPLES_LABELS,
      },
      pageLabels: { severity: 'critical' },
      ticketLabels: { severity: 'warning' },
    };
    const availability = slothRuleGroups(
      sloSpec({
        name: 'requests-availability',
        objective: 99.9,
        errors: 'apiserver_request_total{code=~"(5..|429)"}',
        total: 'apiserver_request_total',
        labels: { category: 'availability' },
      }),
      {
        ...options,
        alertName: 'K8sApiserverAvailabilityAlert',
        alertLabels: { category: 'availability' },
        alertAnnotations: {
          runbook:
            'https://github.com/kubernetes-monitoring/kubernetes-mixin/tree/master/runbook.md#alert-name-kubeapierrorshigh',
        },
      },
    );
    const latency = slothRuleGroups(
      sloSpec({
        name: 'requests-latency',
        objective: 99,
        latency: {
          histogram: 'apiserver_request_duration_seconds',
          thresholdSeconds: 0.4,
          selector: '{verb!="WATCH"}',
        },
        labels: { category: 'latency' },
      }),
      {
        ...options,
        alertName: 'K8sApiserverLatencyAlert',
        alertLabels: { category: 'latency' },
        alertAnnotations: {
          runbook:
            'https://github.com/kubernetes-monitoring/kubernetes-mixin/tree/master/runbook.md#alert-name-kubeapilatencyhigh',
        },
      },
    );
    expect(comparableGroups([...availability, ...latency])).toEqual(
      comparableGroups(
        readGoldenGroups('sloth/kubernetes-apiserver.output.yml'),
      ),
    );
  });

  it('writes no alert group when page and ticket alerts are off (examples/no-alerts.yml)', () => {
    const groups = slothRuleGroups(
      sloSpec({
        name: 'http-availability',
        objective: 99.99,
        errors:
          'http_request_duration_seconds_count{job="myapp", code=~"(5..|429)"}',
        total: 'http_request_duration_seconds_count{job="myapp"}',
        page: false,
        ticket: false,
      }),
      { service: 'myapp', labels: { owner: 'myteam', ...EXAMPLES_LABELS } },
    );
    expect(groups.map(g => g.name)).toEqual([
      'sloth-slo-sli-recordings-myapp-http-availability',
      'sloth-slo-meta-recordings-myapp-http-availability',
    ]);
    expect(comparableGroups(groups)).toEqual(
      comparableGroups(readGoldenGroups('sloth/no-alerts.output.yml')),
    );
  });

  it('turns good/total into 1 - good/total as Sloth does for OpenSLO (examples/openslo-getting-started.yml)', () => {
    const groups = slothRuleGroups(
      sloSpec({
        name: 'sloth-slo-my-service-0',
        objective: 99.9,
        good: 'http_request_duration_seconds_count{job="myservice",code!~"(5..|429)"}',
        total: 'http_request_duration_seconds_count{job="myservice"}',
        page: false,
        ticket: false,
      }),
      {
        service: 'my-service',
        labels: EXAMPLES_LABELS,
        spec: 'openslo/v1alpha',
      },
    );
    expect(comparableGroups(groups)).toEqual(
      comparableGroups(
        readGoldenGroups('sloth/openslo-getting-started.output.yml'),
      ),
    );
  });

  it('scales the factors to a 28d period (13.44, 5.6, 2.8, 0.933) and records ratio_rate4w', () => {
    const groups = slothRuleGroups(
      sloSpec({
        name: 'slo1',
        objective: 99.9,
        window: '28d',
        errors:
          'http_request_duration_seconds_count{job="myservice",code=~"(5..|429)"}',
        total: 'http_request_duration_seconds_count{job="myservice"}',
        labels: { global02k1: 'global02v1' },
      }),
      {
        service: 'svc01',
        labels: { global01k1: 'global01v1' },
        version: 'v0.16.0',
        alertName: 'myServiceAlert',
        alertLabels: { alert01k1: 'alert01v1' },
        alertAnnotations: { alert02k1: 'alert02k2' },
        pageLabels: { alert03k1: 'alert03v1' },
        ticketLabels: { alert04k1: 'alert04v1' },
      },
    );
    // The golden file also holds `slo02`, a raw SLI that Lookout's model has no equivalent for.
    const golden = readGoldenGroups('sloth/base-28d.output.yaml.tpl', {
      slothVersion: 'v0.16.0',
    }).filter(group => group.name.endsWith('-svc01-slo1'));
    expect(golden).toHaveLength(3);
    expect(comparableGroups(groups)).toEqual(comparableGroups(golden));
  });

  it('rejects what Sloth cannot express, naming the field', () => {
    const native = sloSpec({
      name: 'latency',
      objective: 99,
      latency: {
        histogram: 'h',
        histogramType: 'native',
        thresholdSeconds: 0.3,
      },
    });
    expect(() =>
      slothRuleGroups(native, { service: 's', alertName: 'A' }),
    ).toThrow(/indicator\.histogramType/);
    const sevenDays = sloSpec({
      name: 'a',
      objective: 99,
      window: '7d',
      errors: 'x{c="5"}',
      total: 'x',
    });
    expect(() =>
      slothRuleGroups(sevenDays, { service: 's', alertName: 'A' }),
    ).toThrow(/window/);
  });
});
