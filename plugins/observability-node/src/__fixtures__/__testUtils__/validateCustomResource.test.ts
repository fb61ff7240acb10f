import { validateCustomResource } from './validateCustomResource';

const monitor = (endpoint: object) => ({
  apiVersion: 'monitoring.coreos.com/v1',
  kind: 'ServiceMonitor',
  metadata: { name: 'x' },
  spec: { selector: {}, endpoints: [endpoint] },
});

describe('validateCustomResource', () => {
  it('accepts a valid object', () => {
    expect(validateCustomResource(monitor({ port: 'http' }))).toEqual([]);
  });

  it('rejects a misspelt field that the API server would silently drop', () => {
    expect(validateCustomResource(monitor({ prot: 'http' }))).toEqual([
      '/spec/endpoints/0 must NOT have additional properties (prot)',
    ]);
  });

  it('checks Go patterns, case-insensitive ones included', () => {
    const rule = (strategy: string) => ({
      apiVersion: 'monitoring.coreos.com/v1',
      kind: 'PrometheusRule',
      metadata: { name: 'x' },
      spec: {
        groups: [{ name: 'g', partial_response_strategy: strategy, rules: [] }],
      },
    });
    expect(validateCustomResource(rule('WARN'))).toEqual([]);
    expect(validateCustomResource(rule('ignore'))).toHaveLength(1);
    expect(
      validateCustomResource(monitor({ port: 'http', interval: '30 seconds' })),
    ).toHaveLength(1);
  });

  it('rejects kinds no CRD here serves', () => {
    expect(
      validateCustomResource({
        apiVersion: 'monitoring.coreos.com/v2',
        kind: 'ServiceMonitor',
      }),
    ).toEqual(['no CRD serves monitoring.coreos.com/v2 ServiceMonitor']);
  });
});
