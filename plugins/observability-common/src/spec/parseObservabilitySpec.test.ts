import { Entity } from '@backstage/catalog-model';
import { parseObservabilitySpec } from './parseObservabilitySpec';
import {
  OPENTELEMETRY_PRESETS,
  PROM_CLIENT_PRESETS,
  ParseOptions,
} from './types';
import { componentEntity } from '../testUtils';

function entity(
  annotations: Record<string, unknown>,
  name = 'checkout',
): Entity {
  return componentEntity(annotations as Record<string, string>, {
    name,
    owner: 'team-a',
  });
}

function parse(annotations: Record<string, unknown>, options?: ParseOptions) {
  return parseObservabilitySpec(entity(annotations), options);
}

function errorsOf(annotations: Record<string, unknown>) {
  return parse(annotations).problems.filter(p => p.severity === 'error');
}

const REF = 'component:default/checkout';

describe('parseObservabilitySpec', () => {
  describe('an entity without Lookout annotations', () => {
    it('yields the defaults and no problems', () => {
      expect(parse({})).toEqual({
        spec: {
          entityRef: REF,
          slos: [],
          // In `default`, the namespace stands for telemetry without a service namespace.
          logs: {
            selector: '{service_namespace="", service_name="checkout"}',
          },
          traces: { serviceName: 'checkout' },
          dashboard: false,
          kubernetes: {},
        },
        problems: [],
      });
    });

    it('lowercases the kind in the entity ref', () => {
      const result = parseObservabilitySpec({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: { name: 'checkout' },
      });
      expect(result.spec.entityRef).toBe('component:default/checkout');
    });
  });

  describe('presets', () => {
    const annotations = {
      'lookout.dev/slo-availability': '99.9',
      'lookout.dev/slo-latency': '99% < 300ms',
    };

    it('builds both preset SLOs over the OpenTelemetry HTTP server metrics by default', () => {
      const { spec, problems } = parse(annotations);
      expect(problems).toEqual([]);
      expect(spec.slos).toEqual([
        {
          name: 'availability',
          description:
            'HTTP requests answered without a server error (http_response_status_code not matching 5..)',
          objective: 99.9,
          window: '30d',
          indicator: {
            type: 'ratio',
            errors: {
              metric: 'http_server_request_duration_seconds_count',
              matchers: [
                { name: 'backstage_entity', op: '=', value: REF },
                { name: 'http_response_status_code', op: '=~', value: '5..' },
              ],
            },
            total: {
              metric: 'http_server_request_duration_seconds_count',
              matchers: [{ name: 'backstage_entity', op: '=', value: REF }],
            },
          },
          alerting: { page: true, ticket: true, minEvents: 0 },
          labels: {},
          source: 'preset',
        },
        {
          name: 'latency',
          description: 'HTTP requests answered within 0.3s',
          objective: 99,
          window: '30d',
          indicator: {
            type: 'latency',
            histogram: 'http_server_request_duration_seconds',
            histogramType: 'classic',
            thresholdSeconds: 0.3,
            matchers: [{ name: 'backstage_entity', op: '=', value: REF }],
          },
          alerting: { page: true, ticket: true, minEvents: 0 },
          labels: {},
          source: 'preset',
        },
      ]);
      expect(spec.dashboard).toBe(true);
    });

    it('uses the prom-client names when configured, and the slo-window', () => {
      const { spec, problems } = parse(
        { ...annotations, 'lookout.dev/slo-window': '4w' },
        { presets: PROM_CLIENT_PRESETS },
      );
      expect(problems).toEqual([]);
      expect(spec.slos.map(slo => slo.window)).toEqual(['4w', '4w']);
      expect(spec.slos[0].indicator).toEqual({
        type: 'ratio',
        errors: {
          metric: 'http_requests_total',
          matchers: [
            { name: 'backstage_entity', op: '=', value: REF },
            { name: 'code', op: '=~', value: '5..' },
          ],
        },
        total: {
          metric: 'http_requests_total',
          matchers: [{ name: 'backstage_entity', op: '=', value: REF }],
        },
      });
      expect(spec.slos[1].indicator).toEqual({
        type: 'latency',
        histogram: 'http_request_duration_seconds',
        histogramType: 'classic',
        thresholdSeconds: 0.3,
        matchers: [{ name: 'backstage_entity', op: '=', value: REF }],
      });
    });

    it('takes the histogram type from the preset configuration', () => {
      const { spec } = parse(annotations, {
        presets: { ...OPENTELEMETRY_PRESETS, histogramType: 'native' },
      });
      expect(spec.slos[1].indicator).toMatchObject({ histogramType: 'native' });
    });

    it.each([
      ['99% < 300ms', 99, 0.3],
      ['99.5%<0.3s', 99.5, 0.3],
      ['99 % < 1s', 99, 1],
      ['95% < 250ms', 95, 0.25],
      ['99.9% < 2', 99.9, 2],
    ])('reads the latency preset %j', (value, objective, thresholdSeconds) => {
      const { spec, problems } = parse({ 'lookout.dev/slo-latency': value });
      expect(problems).toEqual([]);
      expect(spec.slos[0]).toMatchObject({
        objective,
        indicator: { thresholdSeconds },
      });
    });

    it.each([
      '99%',
      '< 300ms',
      '99% < fast',
      '100% < 1s',
      'p99 < 300ms',
      '99% > 300ms',
    ])('rejects the latency preset %j', value => {
      const { spec, problems } = parse({ 'lookout.dev/slo-latency': value });
      expect(spec.slos).toEqual([]);
      expect(problems).toEqual([
        expect.objectContaining({
          severity: 'error',
          annotation: 'lookout.dev/slo-latency',
          path: '',
        }),
      ]);
    });
  });

  describe('bad SLO objectives', () => {
    it.each([
      ['100', /100% leaves no error budget/],
      ['0', /^"0" is 0, which lets every event fail/],
      ['150', /^"150" is too large: above 100/],
      ['-5', /^"-5" is negative; expected a percentage/],
      ['1e308', /^"1e308" is too large: above 100/],
      ['abc', /not a number/],
      ['99.9%', /expected a number of percent without the % sign, e.g. 99.9/],
    ])('rejects slo-availability %j', (value, message) => {
      expect(errorsOf({ 'lookout.dev/slo-availability': value })).toEqual([
        {
          severity: 'error',
          annotation: 'lookout.dev/slo-availability',
          path: '',
          message: expect.stringMatching(message),
        },
      ]);
    });

    it.each([
      ['100', /100% leaves no error budget/],
      ['0', /^number 0 is 0, which lets every event fail/],
      ['150', /^number 150 is too large: above 100/],
      ['-5', /^number -5 is negative; expected a percentage/],
      ['1e308', /^number 1e\+308 is too large: above 100/],
      ['abc', /not a number/],
      ['"99.9%"', /expected a number of percent without the % sign, e.g. 99.9/],
    ])('rejects the objective %s of a slos entry', (value, message) => {
      const slos = `- name: availability\n  objective: ${value}\n  ratio:\n    errors: a_total{code="500"}\n    total: a_total`;
      const { spec, problems } = parse({ 'lookout.dev/slos': slos });
      expect(spec.slos).toEqual([]);
      expect(problems).toEqual([
        {
          severity: 'error',
          annotation: 'lookout.dev/slos',
          path: '[0].objective',
          message: expect.stringMatching(message),
        },
      ]);
    });
  });

  describe('slo-window', () => {
    it.each(['1d', '365d', '30', 'thirty days', '6d', '91d', '13w'])(
      'rejects %j',
      value => {
        expect(errorsOf({ 'lookout.dev/slo-window': value })).toEqual([
          expect.objectContaining({
            annotation: 'lookout.dev/slo-window',
            path: '',
          }),
        ]);
      },
    );

    it.each(['7d', '30d', '90d', '4w', '720h', '12w'])(
      'accepts %j as written',
      value => {
        const { spec, problems } = parse({
          'lookout.dev/slo-window': value,
          'lookout.dev/slo-availability': '99.9',
        });
        expect(problems).toEqual([]);
        expect(spec.slos[0].window).toBe(value);
      },
    );

    it('keeps the presets on the default window when the window is invalid', () => {
      const { spec, problems } = parse({
        'lookout.dev/slo-window': '1d',
        'lookout.dev/slo-availability': '99.9',
      });
      expect(problems.map(p => p.annotation)).toEqual([
        'lookout.dev/slo-window',
      ]);
      expect(spec.slos[0].window).toBe('30d');
    });
  });

  describe('burn-rate tiers that can never fire', () => {
    it('warns on the objective of a preset, naming the tier', () => {
      const { spec, problems } = parse({
        'lookout.dev/slo-availability': '90',
      });
      expect(spec.slos).toHaveLength(1);
      expect(problems).toEqual([
        {
          severity: 'warning',
          annotation: 'lookout.dev/slo-availability',
          path: '',
          message: expect.stringMatching(
            /^the page tier 1h\/5m is left out: .* it would fire at 1× the budget rate \(an error ratio of 10%\)/,
          ),
        },
      ]);
    });

    it('warns on the objective path of a slos entry and keeps the alerting flags as written', () => {
      const slos = `- name: checkout\n  objective: 80\n  ratio:\n    errors: a_total{code="500"}\n    total: a_total`;
      const { spec, problems } = parse({ 'lookout.dev/slos': slos });
      expect(
        problems.map(p => [p.severity, p.path, p.message.slice(0, 30)]),
      ).toEqual([
        ['warning', '[0].objective', 'the page tier 1h/5m is left ou'],
        ['warning', '[0].objective', 'the page tier 6h/30m is left o'],
      ]);
      expect(spec.slos[0].alerting).toEqual({
        page: true,
        ticket: true,
        minEvents: 0,
      });
    });

    it('says nothing about tiers of a severity that is switched off', () => {
      const slos = `- name: checkout\n  objective: 90\n  alerting: { page: false }\n  ratio:\n    errors: a_total{code="500"}\n    total: a_total`;
      expect(parse({ 'lookout.dev/slos': slos }).problems).toEqual([]);
    });
  });

  describe('metrics', () => {
    it('turns scraping on with a port, with the default path and interval', () => {
      const { spec, problems } = parse({
        'lookout.dev/metrics-port': 'http-metrics',
      });
      expect(problems).toEqual([]);
      expect(spec.metrics).toEqual({
        port: 'http-metrics',
        path: '/metrics',
        interval: '30s',
        targets: [],
      });
      expect(spec.dashboard).toBe(true);
    });

    it('reads a numeric port, a path, an interval and static targets', () => {
      const { spec, problems } = parse({
        'lookout.dev/metrics-port': '9090',
        'lookout.dev/metrics-path': '/internal/metrics',
        'lookout.dev/metrics-interval': '1m30s',
        'lookout.dev/metrics-targets':
          'legacy-1.example.com:9100, 10.0.0.7:9100,[2001:db8::1]:9100',
      });
      expect(problems).toEqual([]);
      expect(spec.metrics).toEqual({
        port: 9090,
        path: '/internal/metrics',
        interval: '1m30s',
        targets: [
          'legacy-1.example.com:9100',
          '10.0.0.7:9100',
          '[2001:db8::1]:9100',
        ],
      });
    });

    it('scrapes static targets without a port', () => {
      const { spec } = parse({
        'lookout.dev/metrics-targets': 'db.example.com:9187',
      });
      expect(spec.metrics).toEqual({
        path: '/metrics',
        interval: '30s',
        targets: ['db.example.com:9187'],
      });
    });

    it.each([
      ['http metrics', /contains a space/],
      ['70000', /^"70000" is too large: above 65535/],
      ['0', /^"0" is not a port: ports start at 1/],
      ['-5', /^"-5" is negative; expected a port number/],
      ['HTTP', /capital letters/],
      ['a-very-long-port-name', /21 characters long/],
      ['metrics-', /starts or ends with "-"/],
      ['12-34', /has no letter/],
    ])('rejects the port %j', (value, message) => {
      const { spec, problems } = parse({ 'lookout.dev/metrics-port': value });
      expect(spec.metrics).toBeUndefined();
      expect(problems).toEqual([
        {
          severity: 'error',
          annotation: 'lookout.dev/metrics-port',
          path: '',
          message: expect.stringMatching(message),
        },
      ]);
    });

    it.each(['0s', '1s', '10m', '30', 'often'])(
      'rejects the interval %j',
      value => {
        expect(
          errorsOf({
            'lookout.dev/metrics-port': 'http',
            'lookout.dev/metrics-interval': value,
          }),
        ).toEqual([
          expect.objectContaining({
            annotation: 'lookout.dev/metrics-interval',
            path: '',
          }),
        ]);
      },
    );

    it('keeps the valid scrape settings when the interval is invalid', () => {
      const { spec } = parse({
        'lookout.dev/metrics-port': 'http',
        'lookout.dev/metrics-interval': '0s',
      });
      expect(spec.metrics).toEqual({
        port: 'http',
        path: '/metrics',
        interval: '30s',
        targets: [],
      });
    });

    it.each(['metrics', '/metrics?x=1'])('rejects the path %j', value => {
      expect(
        errorsOf({
          'lookout.dev/metrics-port': 'http',
          'lookout.dev/metrics-path': value,
        }),
      ).toEqual([
        expect.objectContaining({ annotation: 'lookout.dev/metrics-path' }),
      ]);
    });

    it('reports every bad target and keeps the good ones', () => {
      const { spec, problems } = parse({
        'lookout.dev/metrics-targets':
          'ok.example.com:80, bad host:80, 300.1.1.1:80, x.example.com, y:0',
      });
      expect(spec.metrics?.targets).toEqual(['ok.example.com:80']);
      expect(problems).toHaveLength(4);
      expect(
        problems.every(p => p.annotation === 'lookout.dev/metrics-targets'),
      ).toBe(true);
    });

    it('warns that path and interval have no effect without a port or targets', () => {
      const { spec, problems } = parse({
        'lookout.dev/metrics-path': '/metrics',
        'lookout.dev/metrics-interval': '15s',
      });
      expect(spec.metrics).toBeUndefined();
      expect(problems).toEqual([
        expect.objectContaining({
          severity: 'warning',
          annotation: 'lookout.dev/metrics-path',
          message: expect.stringMatching(
            /has no effect without lookout.dev\/metrics-port/,
          ),
        }),
        expect.objectContaining({
          severity: 'warning',
          annotation: 'lookout.dev/metrics-interval',
        }),
      ]);
    });
  });

  describe('logs', () => {
    it('accepts a stream selector as written, and an allowed tenant', () => {
      const { spec, problems } = parse(
        {
          'lookout.dev/logs-selector':
            '{namespace="shop", app=~"checkout|cart"}',
          'lookout.dev/logs-tenant': 'shop',
        },
        { scope: { allow: { tenants: ['shop'] } } },
      );
      expect(problems).toEqual([]);
      expect(spec.logs).toEqual({
        selector: '{namespace="shop", app=~"checkout|cart"}',
        tenant: 'shop',
      });
    });

    it('fills the configured default selector and tenant', () => {
      const { spec } = parse(
        {},
        {
          defaultLogsSelector:
            '{namespace="{{namespace}}", app="{{name}}", kind="{{kind}}"}',
          defaultLogsTenant: 'default',
        },
      );
      expect(spec.logs).toEqual({
        selector: '{namespace="default", app="checkout", kind="component"}',
        tenant: 'default',
      });
    });

    it.each([
      ['{app="x"} |= "y"', /has a pipeline/],
      ['rate({app="x"}[5m])', /is a metric query/],
      ['app=x', /is not in braces/],
      ['{app="x"', /unbalanced braces/],
      ['{}', /selects nothing/],
      ['{app=""}', /empty value/],
    ])(
      'rejects the logs selector %j and falls back to the default',
      (value, message) => {
        const { spec, problems } = parse({
          'lookout.dev/logs-selector': value,
        });
        expect(spec.logs?.selector).toBe(
          '{service_namespace="", service_name="checkout"}',
        );
        expect(problems).toEqual([
          {
            severity: 'error',
            annotation: 'lookout.dev/logs-selector',
            path: '',
            message: expect.stringMatching(message),
          },
        ]);
      },
    );

    it.each(['', 'a b', 'a|b', '..', 'x'.repeat(151), 'ünïcode'])(
      'rejects the tenant %j',
      value => {
        expect(errorsOf({ 'lookout.dev/logs-tenant': value })).toEqual([
          expect.objectContaining({
            annotation: 'lookout.dev/logs-tenant',
            path: '',
          }),
        ]);
      },
    );
  });

  describe('traces, dashboard, runbook and kubernetes', () => {
    it('reads them all', () => {
      const { spec, problems } = parse({
        'lookout.dev/traces-service': 'checkout-api',
        'lookout.dev/dashboard': 'false',
        'lookout.dev/runbook-url': 'https://runbooks.example.com/checkout',
        'lookout.dev/metrics-port': 'http',
        'backstage.io/kubernetes-id': 'checkout',
        'backstage.io/kubernetes-namespace': 'shop',
        'backstage.io/kubernetes-label-selector': 'app=checkout',
      });
      expect(problems).toEqual([]);
      expect(spec).toMatchObject({
        traces: { serviceName: 'checkout-api' },
        dashboard: false,
        runbookUrl: 'https://runbooks.example.com/checkout',
        kubernetes: {
          id: 'checkout',
          namespace: 'shop',
          labelSelector: 'app=checkout',
        },
      });
    });

    it('turns the dashboard on explicitly even without metrics or SLOs', () => {
      expect(parse({ 'lookout.dev/dashboard': 'true' }).spec.dashboard).toBe(
        true,
      );
    });

    it.each(['yes', 'False', ''])(
      'rejects dashboard %j and keeps the default',
      value => {
        const { spec, problems } = parse({
          'lookout.dev/dashboard': value,
          'lookout.dev/metrics-port': 'http',
        });
        expect(spec.dashboard).toBe(true);
        expect(problems).toEqual([
          expect.objectContaining({
            severity: 'error',
            annotation: 'lookout.dev/dashboard',
          }),
        ]);
      },
    );

    it.each(['runbooks.example.com', 'ftp://example.com/x', '/relative', ''])(
      'rejects the runbook URL %j',
      value => {
        const { spec, problems } = parse({ 'lookout.dev/runbook-url': value });
        expect(spec.runbookUrl).toBeUndefined();
        expect(problems).toEqual([
          expect.objectContaining({
            severity: 'error',
            annotation: 'lookout.dev/runbook-url',
          }),
        ]);
      },
    );

    it('rejects an empty traces service and falls back to the entity name', () => {
      const { spec, problems } = parse({ 'lookout.dev/traces-service': '  ' });
      expect(spec.traces?.serviceName).toBe('checkout');
      expect(problems).toEqual([
        expect.objectContaining({
          annotation: 'lookout.dev/traces-service',
          path: '',
        }),
      ]);
    });

    it('stores the openslo location for later resolution and turns the dashboard on', () => {
      const { spec, problems } = parse({
        'lookout.dev/openslo': './slos.yaml',
      });
      expect(problems).toEqual([]);
      expect(spec.openslo).toBe('./slos.yaml');
      expect(spec.dashboard).toBe(true);
    });
  });

  describe('unknown and malformed annotations', () => {
    it('warns about an unknown lookout.dev key and suggests the closest known one', () => {
      expect(parse({ 'lookout.dev/metric-port': '8080' }).problems).toEqual([
        {
          severity: 'warning',
          annotation: 'lookout.dev/metric-port',
          path: '',
          message: expect.stringMatching(
            /^unknown annotation, ignored; did you mean lookout\.dev\/metrics-port\?/,
          ),
        },
      ]);
      expect(
        parse({ 'lookout.dev/slo': '- name: x' }).problems[0].message,
      ).toMatch(/did you mean lookout\.dev\/slos\?/);
    });

    it('warns without a suggestion when no known key is close', () => {
      const [problem] = parse({ 'lookout.dev/pagerduty': 'x' }).problems;
      expect(problem.severity).toBe('warning');
      expect(problem.message).toMatch(
        /^unknown annotation, ignored\. Known annotations: /,
      );
      expect(problem.message).not.toMatch(/did you mean/);
    });

    it('ignores annotations of other tools', () => {
      expect(
        parse({ 'github.com/project-slug': 'a/b', 'lookout.io/x': 'y' })
          .problems,
      ).toEqual([]);
    });

    it('reports non-string values as errors', () => {
      expect(
        errorsOf({
          'lookout.dev/slo-availability': 99.9,
          'backstage.io/kubernetes-id': ['a'],
        }),
      ).toEqual([
        expect.objectContaining({
          annotation: 'lookout.dev/slo-availability',
          message: expect.stringMatching(
            /^found number 99.9; annotation values are strings/,
          ),
        }),
        expect.objectContaining({ annotation: 'backstage.io/kubernetes-id' }),
      ]);
    });

    it('quotes the value found in the quoting hint, whatever the field', () => {
      expect(
        errorsOf({
          'lookout.dev/metrics-port': 9090,
          'lookout.dev/dashboard': false,
          'lookout.dev/slos': [{ name: 'a' }],
        }).map(p => p.message),
      ).toEqual([
        'found number 9090; annotation values are strings: quote the value in catalog-info.yaml, e.g. "9090"',
        'found boolean false; annotation values are strings: quote the value in catalog-info.yaml, e.g. "false"',
        'found a list; annotation values are strings: write the YAML as a block of text, starting the value with "|" on the annotation\'s line',
      ]);
    });

    it('keeps valid annotations next to invalid ones', () => {
      const { spec, problems } = parse({
        'lookout.dev/metrics-port': 'http metrics',
        'lookout.dev/slo-availability': '99.5',
        'lookout.dev/logs-selector': 'app=x',
        'lookout.dev/traces-service': 'checkout-api',
      });
      expect(problems.map(p => p.annotation)).toEqual([
        'lookout.dev/metrics-port',
        'lookout.dev/logs-selector',
      ]);
      expect(spec.slos.map(slo => slo.name)).toEqual(['availability']);
      expect(spec.traces?.serviceName).toBe('checkout-api');
      expect(spec.dashboard).toBe(true);
    });
  });
});

describe('parseObservabilitySpec: an entity without an owner', () => {
  const ownerless = (annotations: Record<string, unknown>) => {
    const e = entity(annotations);
    return parseObservabilitySpec({
      ...e,
      spec: { type: 'service', lifecycle: 'production' },
    });
  };

  it('warns once that its SLO alerts have no team to route to', () => {
    const { spec, problems } = ownerless({
      'lookout.dev/slo-availability': '99.9',
      'lookout.dev/slo-latency': '99% < 300ms',
    });
    expect(spec.slos).toHaveLength(2);
    expect(problems).toEqual([
      {
        severity: 'warning',
        annotation: 'lookout.dev/slo-availability',
        path: '',
        message:
          'the entity has no owner (spec.owner): its SLO alerts carry no team label, so Alertmanager ' +
          'sends them to its default receiver; set spec.owner to the team that answers them',
      },
    ]);
  });

  it('says nothing when no SLO alerts at all', () => {
    expect(
      ownerless({
        'lookout.dev/slos':
          '- name: quiet\n  objective: 99\n  alerting: { page: false, ticket: false }\n  ratio:\n    errors: a_total{code="500"}\n    total: a_total',
      }).problems,
    ).toEqual([]);
  });
});
