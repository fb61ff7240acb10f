import { ConfigReader } from '@backstage/config';
import { readObservabilityConfig } from './readObservabilityConfig';

describe('observability.scope', () => {
  it('is left to the parser defaults when not configured', () => {
    expect(
      readObservabilityConfig(new ConfigReader({})).parseOptions.scope,
    ).toBeUndefined();
  });

  it('reads kinds (lowercased), namespace defaults and the allow-list', () => {
    const { parseOptions } = readObservabilityConfig(
      new ConfigReader({
        observability: {
          scope: {
            kinds: ['Component', 'System'],
            namespaces: {
              'team-a': { logsTenant: 'team-a', tracesNamespace: false },
            },
            allow: {
              logLabels: { namespace: ['{{namespace}}'] },
              metricLabels: { job: ['{{name}}', '{{name}}-*'] },
              tenants: ['{{namespace}}'],
              traceServices: ['{{name}}-*'],
            },
          },
        },
      }),
    );
    expect(parseOptions.scope).toEqual({
      kinds: ['component', 'system'],
      namespaces: { 'team-a': { logsTenant: 'team-a', tracesNamespace: '' } },
      allow: {
        logLabels: { namespace: ['{{namespace}}'] },
        metricLabels: { job: ['{{name}}', '{{name}}-*'] },
        tenants: ['{{namespace}}'],
        traceServices: ['{{name}}-*'],
      },
    });
  });
});
