/*
 * Every custom resource of every build is valid against its CRD schema, strictly: a field the
 * operator does not know fails here instead of being pruned silently by the API server.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { isCoreKind } from './coreModels';
import { closeSchema, CrdValidator, goPatternToRegExp } from './crdSchemas';
import { findObject, KubeObject, objectId } from './kubeObject';
import { BINARIES, deployPath, fixturePath } from './paths';
import { describeWithBinaries } from './testing/requireBinary';
import { buildStack, StackBuilds } from './testing/stackBuilds';

jest.setTimeout(120_000);

/**
 * Custom resources deployed without a CRD schema among the fixtures, and why. Anything else
 * without a schema fails the checks: copy its CRD into src/__fixtures__/crds.
 */
const WITHOUT_SCHEMA: Record<string, string> = {
  'monitoring.coreos.com/v1/Alertmanager':
    'the reference CRDs lack alertmanagers.monitoring.coreos.com; the stack tests check its config',
};

const validator = CrdValidator.fromDirectory(fixturePath('crds'));

function prometheusRule(groups: unknown): KubeObject {
  return {
    apiVersion: 'monitoring.coreos.com/v1',
    kind: 'PrometheusRule',
    metadata: { name: 'example', namespace: 'shop' },
    spec: { groups },
  };
}

describe('the CRD validator', () => {
  it('knows the kinds Lookout generates and the stack deploys', () => {
    expect(validator.keys()).toEqual(
      expect.arrayContaining([
        'monitoring.coreos.com/v1/Prometheus',
        'monitoring.coreos.com/v1/ServiceMonitor',
        'monitoring.coreos.com/v1/PodMonitor',
        'monitoring.coreos.com/v1alpha1/ScrapeConfig',
        'monitoring.coreos.com/v1/PrometheusRule',
        'monitoring.coreos.com/v1alpha1/AlertmanagerConfig',
        'grafana.integreatly.org/v1beta1/GrafanaDashboard',
      ]),
    );
  });

  it('reports a misspelt field with its path instead of dropping it', () => {
    const rule = prometheusRule([
      {
        name: 'slo',
        rules: [{ record: 'x:y', expr: 'up', lables: { a: 'b' } }],
      },
    ]);
    expect(validator.validate(rule)).toEqual([
      { path: '/spec/groups/0/rules/0/lables', message: 'unknown field' },
    ]);
  });

  it('reports an unknown top-level field of the spec', () => {
    const rule = prometheusRule([]);
    (rule.spec as Record<string, unknown>).group = [];
    expect(validator.validate(rule)).toEqual([
      { path: '/spec/group', message: 'unknown field' },
    ]);
  });

  it("applies Go's (?i) patterns case-insensitively", () => {
    const withStrategy = (strategy: string) =>
      prometheusRule([
        { name: 'g', partial_response_strategy: strategy, rules: [] },
      ]);
    expect(validator.validate(withStrategy('Warn'))).toEqual([]);
    expect(validator.validate(withStrategy('ABORT'))).toEqual([]);
    expect(validator.validate(withStrategy('ignore'))).toEqual([
      expect.objectContaining({
        path: '/spec/groups/0/partial_response_strategy',
      }),
    ]);
  });

  it('maps (?i) to the i flag and keeps the rest of the pattern', () => {
    const regExp = goPatternToRegExp('^(?i)(abort|warn)?$');
    expect(regExp.flags).toContain('i');
    expect(regExp.test('WARN')).toBe(true);
    expect(regExp.test('warning')).toBe(false);
  });

  it('leaves objects marked x-kubernetes-preserve-unknown-fields open', () => {
    const closed = closeSchema({
      type: 'object',
      properties: {
        spec: {
          type: 'object',
          properties: {
            strict: { type: 'object', properties: { a: { type: 'string' } } },
            open: {
              type: 'object',
              'x-kubernetes-preserve-unknown-fields': true,
            },
          },
        },
      },
    });
    const spec = (closed.properties as Record<string, Record<string, any>>)
      .spec;
    expect(spec.additionalProperties).toBe(false);
    expect(spec.properties.strict.additionalProperties).toBe(false);
    expect(spec.properties.open.additionalProperties).toBeUndefined();
  });

  it('takes the operator version of the CRD fixtures from their annotations', () => {
    expect(new Set(validator.crdVersions.values())).toEqual(
      new Set(['0.93.0']),
    );
  });
});

describeWithBinaries(BINARIES.kubectl)('custom resources of the stack', () => {
  let stack: StackBuilds;

  beforeAll(async () => {
    stack = await buildStack();
  });

  it('are valid against their CRDs in every build', () => {
    const problems: string[] = [];
    let validated = 0;
    for (const build of [...stack.builds, ...stack.realOverlays]) {
      for (const object of build.objects.filter(o => !isCoreKind(o))) {
        const key = `${object.apiVersion}/${object.kind}`;
        if (!validator.covers(object)) {
          if (!(key in WITHOUT_SCHEMA)) {
            problems.push(
              `${build.name}: ${objectId(object)}: no CRD schema for ${key}`,
            );
          }
          continue;
        }
        validated += 1;
        for (const problem of validator.validate(object)) {
          problems.push(
            `${build.name}: ${objectId(object)}: ${problem.path}: ${
              problem.message
            }`,
          );
        }
      }
    }
    expect(problems).toEqual([]);
    // Prometheus in every build, plus the fixture's ServiceMonitor and PrometheusRule.
    expect(validated).toBeGreaterThan(stack.builds.length);
  });

  it("catch a misspelt field in the stack's Prometheus", () => {
    const base = stack.builds.find(b => b.name === 'base')!;
    const prometheus = structuredClone(
      findObject(base.objects, 'Prometheus', 'lookout'),
    );
    const spec = prometheus.spec as Record<string, unknown>;
    spec.serviceMonitorSelecter = spec.serviceMonitorSelector;
    delete spec.serviceMonitorSelector;
    expect(validator.validate(prometheus)).toEqual([
      { path: '/spec/serviceMonitorSelecter', message: 'unknown field' },
    ]);
  });

  it('make Prometheus load exactly the objects Lookout generates, from every namespace', () => {
    const byLookout = {
      matchLabels: { 'app.kubernetes.io/managed-by': 'lookout' },
    };
    for (const build of stack.builds) {
      const spec = findObject(build.objects, 'Prometheus', 'lookout')
        .spec as Record<string, unknown>;
      expect({ build: build.name, selectors: spec }).toMatchObject({
        build: build.name,
        selectors: {
          serviceMonitorSelector: byLookout,
          serviceMonitorNamespaceSelector: {},
          podMonitorSelector: byLookout,
          podMonitorNamespaceSelector: {},
          scrapeConfigSelector: byLookout,
          scrapeConfigNamespaceSelector: {},
          ruleSelector: byLookout,
          ruleNamespaceSelector: {},
        },
      });
    }
  });

  it("select the fixture's generated objects with Prometheus's selectors", () => {
    const production = stack.builds.find(
      b => b.name === 'overlays/production',
    )!;
    const prometheus = findObject(production.objects, 'Prometheus', 'lookout');
    const selectors = prometheus.spec as Record<
      string,
      { matchLabels: Record<string, string> }
    >;
    const selectorOf: Record<string, string> = {
      ServiceMonitor: 'serviceMonitorSelector',
      PodMonitor: 'podMonitorSelector',
      ScrapeConfig: 'scrapeConfigSelector',
      PrometheusRule: 'ruleSelector',
    };
    const generated = production.objects.filter(o => o.kind in selectorOf);
    expect(generated.map(o => o.kind).sort()).toEqual([
      'PrometheusRule',
      'ServiceMonitor',
    ]);
    for (const object of generated) {
      const { matchLabels } = selectors[selectorOf[object.kind]];
      expect(object.metadata.labels).toMatchObject(matchLabels);
    }
  });

  it('enable the remote-write receiver, exemplar storage and alerting to the Alertmanager Service', () => {
    for (const build of stack.builds) {
      const prometheus = findObject(build.objects, 'Prometheus', 'lookout');
      const spec = prometheus.spec as {
        enableRemoteWriteReceiver: boolean;
        enableFeatures: string[];
        alerting: {
          alertmanagers: Array<{
            namespace: string;
            name: string;
            port: string;
          }>;
        };
      };
      expect(spec.enableRemoteWriteReceiver).toBe(true);
      expect(spec.enableFeatures).toContain('exemplar-storage');
      for (const target of spec.alerting.alertmanagers) {
        const service = findObject(build.objects, 'Service', target.name);
        expect(service.metadata.namespace).toBe(target.namespace);
        const ports = (service.spec as { ports: Array<{ name: string }> })
          .ports;
        expect(ports.map(p => p.name)).toContain(target.port);
      }
    }
  });

  it('pin the operator release whose CRDs the fixtures hold', () => {
    const crds = parse(
      readFileSync(
        deployPath('observability', 'crds', 'kustomization.yaml'),
        'utf8',
      ),
    ) as { resources: string[] };
    const bundle = crds.resources.find(r => r.startsWith('https://'));
    expect(bundle).toMatch(
      /^https:\/\/github\.com\/prometheus-operator\/prometheus-operator\/releases\/download\/v\d+\.\d+\.\d+\/bundle\.yaml$/,
    );
    const version = /\/v(\d+\.\d+\.\d+)\//.exec(bundle!)![1];
    expect(new Set(validator.crdVersions.values())).toEqual(new Set([version]));
  });
});
