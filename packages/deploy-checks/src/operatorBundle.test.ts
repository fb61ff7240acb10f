/*
 * deploy/observability/crds installs prometheus-operator's release bundle into the observability
 * namespace. The bundle is fetched by URL, which the checks never do: they build the same
 * kustomization against a local stand-in of the bundle's shape (objects in `default`).
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { findObject } from './kubeObject';
import { kustomizeBuild } from './kustomize';
import { BINARIES, deployPath } from './paths';
import { temporaryTree } from './stackCopy';
import { describeWithBinaries } from './testing/requireBinary';

jest.setTimeout(60_000);

/** What the release bundle holds, reduced to one CRD: everything namespaced sits in `default`. */
const STAND_IN_BUNDLE = [
  {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: 'prometheuses.monitoring.coreos.com' },
    spec: {
      group: 'monitoring.coreos.com',
      names: { kind: 'Prometheus', plural: 'prometheuses' },
      scope: 'Namespaced',
      versions: [
        {
          name: 'v1',
          served: true,
          storage: true,
          schema: {
            openAPIV3Schema: {
              type: 'object',
              'x-kubernetes-preserve-unknown-fields': true,
            },
          },
        },
      ],
    },
  },
  {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRoleBinding',
    metadata: { name: 'prometheus-operator' },
    roleRef: {
      apiGroup: 'rbac.authorization.k8s.io',
      kind: 'ClusterRole',
      name: 'prometheus-operator',
    },
    subjects: [
      {
        kind: 'ServiceAccount',
        name: 'prometheus-operator',
        namespace: 'default',
      },
    ],
  },
  {
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    metadata: { name: 'prometheus-operator', namespace: 'default' },
  },
  {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'prometheus-operator', namespace: 'default' },
    spec: {
      selector: { matchLabels: { app: 'prometheus-operator' } },
      template: {
        metadata: { labels: { app: 'prometheus-operator' } },
        spec: {
          serviceAccountName: 'prometheus-operator',
          containers: [
            {
              name: 'prometheus-operator',
              image: 'quay.io/prometheus-operator/prometheus-operator:v0.0.0',
            },
          ],
        },
      },
    },
  },
];

describeWithBinaries(BINARIES.kubectl)(
  'the operator kustomization (deploy/observability/crds)',
  () => {
    it('moves the operator and its binding into the observability namespace, next to its Namespace', async () => {
      const tree = temporaryTree('lookout-crds-');
      try {
        const source = deployPath('observability');
        cpSync(join(source, 'crds'), join(tree.root, 'crds'), {
          recursive: true,
        });
        cpSync(join(source, 'namespace'), join(tree.root, 'namespace'), {
          recursive: true,
        });
        const file = join(tree.root, 'crds', 'kustomization.yaml');
        const kustomization = parse(readFileSync(file, 'utf8')) as {
          resources: string[];
        };
        const remote = kustomization.resources.filter(r =>
          r.startsWith('https://'),
        );
        expect(remote).toHaveLength(1);
        kustomization.resources = kustomization.resources.map(r =>
          r === remote[0] ? 'bundle.yaml' : r,
        );
        writeFileSync(file, stringify(kustomization));
        writeFileSync(
          join(tree.root, 'crds', 'bundle.yaml'),
          STAND_IN_BUNDLE.map(o => stringify(o)).join('---\n'),
        );

        const objects = await kustomizeBuild(join(tree.root, 'crds'));

        expect(findObject(objects, 'Namespace', 'observability')).toBeDefined();
        expect(
          findObject(
            objects,
            'CustomResourceDefinition',
            'prometheuses.monitoring.coreos.com',
          ).metadata.namespace,
        ).toBeUndefined();
        expect(
          findObject(objects, 'Deployment', 'prometheus-operator').metadata
            .namespace,
        ).toBe('observability');
        expect(
          findObject(objects, 'ServiceAccount', 'prometheus-operator').metadata
            .namespace,
        ).toBe('observability');
        expect(
          findObject(objects, 'ClusterRoleBinding', 'prometheus-operator')
            .subjects,
        ).toEqual([
          {
            kind: 'ServiceAccount',
            name: 'prometheus-operator',
            namespace: 'observability',
          },
        ]);
      } finally {
        tree.remove();
      }
    });
  },
);
