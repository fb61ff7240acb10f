import { Entity } from '@backstage/catalog-model';
import { parseObservabilitySpec } from './parseObservabilitySpec';
import { ParseOptions } from './types';

function entity(
  kind: string,
  ref: { namespace: string; name: string },
  annotations: Record<string, string> = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: { ...ref, annotations },
    spec: {},
  };
}

function parse(e: Entity, options: ParseOptions = {}) {
  return parseObservabilitySpec(e, options);
}

describe('signal scope (issue 15, finding 5)', () => {
  const teamCheckout = entity('Component', {
    namespace: 'team-a',
    name: 'checkout',
  });

  it('includes the namespace in the default logs and traces scope', () => {
    const { spec } = parse(teamCheckout);
    expect(spec.logs).toEqual({
      selector: '{service_namespace="team-a", service_name="checkout"}',
    });
    expect(spec.traces).toEqual({
      serviceName: 'checkout',
      serviceNamespace: 'team-a',
    });
  });

  it("uses a namespace's own defaults", () => {
    const { spec } = parse(teamCheckout, {
      defaultLogsTenant: 'shared',
      scope: {
        namespaces: {
          'team-a': {
            logsSelector: '{k8s_namespace_name="team-a", app="{{name}}"}',
            logsTenant: 'team-a',
            tracesNamespace: 'shop-team-a',
          },
        },
      },
    });
    expect(spec.logs).toEqual({
      selector: '{k8s_namespace_name="team-a", app="checkout"}',
      tenant: 'team-a',
    });
    expect(spec.traces?.serviceNamespace).toBe('shop-team-a');
  });

  it.each(['Group', 'System', 'User', 'Domain', 'API'])(
    'gives a %s no logs or traces by name',
    kind => {
      const { spec, problems } = parse(
        entity(kind, { namespace: 'default', name: 'checkout' }),
      );
      expect(spec.logs).toBeUndefined();
      expect(spec.traces).toBeUndefined();
      expect(problems).toEqual([]);
    },
  );

  it('gives the configured kinds logs and traces, and any kind those its annotations name', () => {
    const system = entity('System', { namespace: 'default', name: 'shop' });
    expect(parse(system, { scope: { kinds: ['system'] } }).spec.traces).toEqual(
      { serviceName: 'shop' },
    );
    const annotated = entity(
      'System',
      { namespace: 'default', name: 'shop' },
      {
        'lookout.dev/logs-selector': '{app="shop-gateway"}',
        'lookout.dev/traces-service': 'shop-gateway',
      },
    );
    expect(parse(annotated).spec).toMatchObject({
      logs: { selector: '{app="shop-gateway"}' },
      traces: { serviceName: 'shop-gateway' },
    });
  });

  it('refuses a logs selector made only of regular expressions or exclusions, and keeps the default', () => {
    const { spec, problems } = parse(
      entity(
        'Component',
        { namespace: 'team-a', name: 'checkout' },
        { 'lookout.dev/logs-selector': '{namespace=~".+"}' },
      ),
    );
    expect(problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        annotation: 'lookout.dev/logs-selector',
        message: expect.stringContaining(
          'selects streams by regular expressions or exclusions only',
        ),
      }),
    ]);
    expect(spec.logs?.selector).toBe(
      '{service_namespace="team-a", service_name="checkout"}',
    );
  });

  describe('the platform allow-list', () => {
    const options: ParseOptions = {
      defaultLogsTenant: 'shared',
      scope: {
        allow: {
          logLabels: { namespace: ['{{namespace}}', '{{namespace}}-*'] },
          tenants: ['{{namespace}}'],
          traceServices: ['{{name}}', '{{name}}-*'],
        },
      },
    };
    const annotated = (annotations: Record<string, string>) =>
      parse(
        entity(
          'Component',
          { namespace: 'team-a', name: 'checkout' },
          annotations,
        ),
        options,
      );

    it('accepts selections inside it', () => {
      const { spec, problems } = annotated({
        'lookout.dev/logs-selector':
          '{namespace="team-a-prod", app="checkout"}',
        'lookout.dev/logs-tenant': 'team-a',
        'lookout.dev/traces-service': 'checkout-api',
      });
      expect(problems).toEqual([]);
      expect(spec.logs).toEqual({
        selector: '{namespace="team-a-prod", app="checkout"}',
        tenant: 'team-a',
      });
      expect(spec.traces).toEqual({
        serviceName: 'checkout-api',
        serviceNamespace: 'team-a',
      });
    });

    it.each([
      [
        'lookout.dev/logs-selector',
        '{namespace="team-b", app="checkout"}',
        'may not select namespace="team-b"',
      ],
      [
        'lookout.dev/logs-selector',
        '{namespace=~"team-a.*", app="checkout"}',
        'may not select namespace=~"team-a.*"',
      ],
      [
        'lookout.dev/logs-selector',
        '{app="checkout"}',
        'must select one of the labels namespace',
      ],
      ['lookout.dev/logs-tenant', 'team-b', 'tenant "team-b" is not allowed'],
      [
        'lookout.dev/traces-service',
        'payments',
        'service "payments" is not allowed',
      ],
    ])('refuses %s: %s', (annotation, value, message) => {
      const { problems } = annotated({ [annotation]: value });
      expect(problems).toEqual([
        expect.objectContaining({
          severity: 'error',
          annotation,
          message: expect.stringContaining(message),
        }),
      ]);
    });
  });

  it('allows by default only the default tenant and the one named like the namespace', () => {
    const tenant = (value: string) =>
      parse(
        entity(
          'Component',
          { namespace: 'team-a', name: 'checkout' },
          { 'lookout.dev/logs-tenant': value },
        ),
        { defaultLogsTenant: 'shared' },
      );
    expect(tenant('team-a').spec.logs?.tenant).toBe('team-a');
    expect(tenant('shared').problems).toEqual([]);
    expect(tenant('team-b').problems).toEqual([
      expect.objectContaining({ annotation: 'lookout.dev/logs-tenant' }),
    ]);
    expect(tenant('team-b').spec.logs?.tenant).toBe('shared');
  });
});
