/*
 * Every built-in object of every build (the observability stack and Backstage) is valid against
 * the Kubernetes API schema, checked with kubernetes-models.
 */
import { Deployment } from 'kubernetes-models/apps/v1';
import { isCoreKind, validateCoreObject } from './coreModels';
import { CrdValidator } from './crdSchemas';
import { KubeObject, objectId } from './kubeObject';
import { kustomizeBuild } from './kustomize';
import { BINARIES, deployPath, fixturePath } from './paths';
import { describeWithBinaries } from './testing/requireBinary';
import { Build, buildStack } from './testing/stackBuilds';

jest.setTimeout(120_000);

const crds = CrdValidator.fromDirectory(fixturePath('crds'));

describe('kubernetes-models validation', () => {
  it('reports a wrongly typed field with its path', () => {
    const deployment = new Deployment({
      metadata: { name: 'broken' },
      spec: {
        selector: { matchLabels: { app: 'x' } },
        template: {
          metadata: { labels: { app: 'x' } },
          spec: {
            containers: [
              {
                name: 'x',
                image: 'x:1',
                ports: [{ containerPort: 'http' as never }],
              },
            ],
          },
        },
      },
    });
    expect(
      validateCoreObject(deployment.toJSON() as unknown as KubeObject),
    ).toMatch(
      /spec\/template\/spec\/containers\/0\/ports\/0\/containerPort must be integer/,
    );
  });

  it('refuses to vouch for a kind it has no model for', () => {
    const object = {
      apiVersion: 'example.com/v1',
      kind: 'Widget',
      metadata: { name: 'w' },
    } as KubeObject;
    expect(() => validateCoreObject(object)).toThrow(
      /No kubernetes-models class/,
    );
  });
});

describeWithBinaries(BINARIES.kubectl)(
  'built-in objects of the deployment',
  () => {
    let builds: Build[];

    beforeAll(async () => {
      const stack = await buildStack();
      builds = [
        ...stack.builds,
        ...stack.realOverlays,
        {
          name: 'backstage/base',
          objects: await kustomizeBuild(deployPath('backstage', 'base')),
        },
        {
          name: 'backstage/overlays/production',
          objects: await kustomizeBuild(
            deployPath('backstage', 'overlays', 'production'),
          ),
        },
      ];
    });

    it('are all of kinds with a schema, built-in or custom', () => {
      const unknown = builds.flatMap(build =>
        build.objects
          .filter(
            o => !isCoreKind(o) && !crds.covers(o) && o.kind !== 'Alertmanager',
          )
          .map(o => `${build.name}: ${objectId(o)} (${o.apiVersion})`),
      );
      expect(unknown).toEqual([]);
    });

    it('are valid against the Kubernetes API schema', () => {
      const problems = builds.flatMap(build =>
        build.objects
          .filter(isCoreKind)
          .map(validateCoreObject)
          .filter((problem): problem is string => problem !== undefined)
          .map(problem => `${build.name}: ${problem}`),
      );
      expect(problems).toEqual([]);
      expect(
        builds.flatMap(b => b.objects.filter(isCoreKind)).length,
      ).toBeGreaterThan(100);
    });

    it('select their own pods: every workload selector matches its pod template labels', () => {
      for (const build of builds) {
        for (const object of build.objects.filter(o =>
          ['Deployment', 'StatefulSet'].includes(o.kind),
        )) {
          const spec = object.spec as {
            selector: { matchLabels: Record<string, string> };
            template: { metadata: { labels: Record<string, string> } };
          };
          expect({
            id: objectId(object),
            labels: spec.template.metadata.labels,
          }).toMatchObject({
            id: objectId(object),
            labels: spec.selector.matchLabels,
          });
        }
      }
    });

    it('route every Service to pods of the same build, on a port those pods name', () => {
      const problems: string[] = [];
      for (const build of builds) {
        const pods = build.objects
          .filter(o => ['Deployment', 'StatefulSet'].includes(o.kind))
          .map(o => (o.spec as { template: PodTemplate }).template);
        for (const service of build.objects.filter(o => o.kind === 'Service')) {
          const spec = service.spec as {
            selector: Record<string, string>;
            ports: Array<{ name: string; targetPort?: string | number }>;
          };
          const matching = pods.filter(pod =>
            Object.entries(spec.selector).every(
              ([k, v]) => pod.metadata.labels[k] === v,
            ),
          );
          const operatorManaged =
            spec.selector['app.kubernetes.io/name'] === 'prometheus' ||
            spec.selector['app.kubernetes.io/name'] === 'alertmanager';
          if (operatorManaged) {
            continue; // Pods made by prometheus-operator; their ports are named `web`.
          }
          if (matching.length === 0) {
            problems.push(
              `${build.name}: ${objectId(service)} selects no pods`,
            );
            continue;
          }
          const portNames = new Set(
            matching.flatMap(pod =>
              pod.spec.containers.flatMap(c =>
                (c.ports ?? []).map(p => p.name),
              ),
            ),
          );
          for (const port of spec.ports) {
            if (
              typeof port.targetPort === 'string' &&
              !portNames.has(port.targetPort)
            ) {
              problems.push(
                `${build.name}: ${objectId(service)} port ${
                  port.name
                } targets unknown ${port.targetPort}`,
              );
            }
          }
        }
      }
      expect(problems).toEqual([]);
    });
  },
);

interface PodTemplate {
  metadata: { labels: Record<string, string> };
  spec: { containers: Array<{ ports?: Array<{ name: string }> }> };
}
