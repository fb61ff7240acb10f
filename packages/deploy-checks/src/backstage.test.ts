/*
 * deploy/backstage: Backstage runs replicated in production, and its Kubernetes permissions are
 * exactly what Lookout's kubernetes sink and the Kubernetes plugin need.
 */
import { parse } from 'yaml';
import { dataValue, findObject, KubeObject, objectId } from './kubeObject';
import { kustomizeBuild } from './kustomize';
import { BINARIES, deployPath } from './paths';
import { describeWithBinaries } from './testing/requireBinary';

jest.setTimeout(60_000);

interface PolicyRule {
  apiGroups: string[];
  resources: string[];
  verbs: string[];
}

function rulesOf(objects: KubeObject[], name: string): PolicyRule[] {
  return (
    findObject(objects, 'ClusterRole', name) as KubeObject & {
      rules: PolicyRule[];
    }
  ).rules;
}

/** `group/resource: verbs` for every resource a role grants, sorted. */
function grants(rules: PolicyRule[]): string[] {
  return rules
    .flatMap(rule =>
      rule.apiGroups.flatMap(group =>
        rule.resources.map(
          resource =>
            `${group || 'core'}/${resource}: ${[...rule.verbs]
              .sort()
              .join(',')}`,
        ),
      ),
    )
    .sort();
}

const SINK_VERBS = 'create,delete,get,list,patch,watch';

describeWithBinaries(BINARIES.kubectl)('deploy/backstage', () => {
  let base: KubeObject[];
  let production: KubeObject[];

  beforeAll(async () => {
    base = await kustomizeBuild(deployPath('backstage', 'base'));
    production = await kustomizeBuild(
      deployPath('backstage', 'overlays', 'production'),
    );
  });

  it('runs two replicas in production, with a disruption budget and a pinned image', () => {
    const deployment = findObject(production, 'Deployment', 'backstage');
    const spec = deployment.spec as {
      replicas: number;
      template: { spec: { containers: Array<{ image: string }> } };
    };
    expect(spec.replicas).toBe(2);
    expect(spec.template.spec.containers[0].image).toMatch(
      /^[^:]+:\d+\.\d+\.\d+$/,
    );
    expect(
      findObject(production, 'PodDisruptionBudget', 'backstage').spec,
    ).toMatchObject({
      minAvailable: 1,
    });
  });

  it("grants Lookout's kubernetes sink exactly the kinds it manages, with the verbs it needs", () => {
    expect(grants(rulesOf(base, 'lookout-provisioner'))).toEqual([
      `core/configmaps: ${SINK_VERBS}`,
      `grafana.integreatly.org/grafanadashboards: ${SINK_VERBS}`,
      `monitoring.coreos.com/alertmanagerconfigs: ${SINK_VERBS}`,
      `monitoring.coreos.com/podmonitors: ${SINK_VERBS}`,
      `monitoring.coreos.com/prometheusrules: ${SINK_VERBS}`,
      `monitoring.coreos.com/scrapeconfigs: ${SINK_VERBS}`,
      `monitoring.coreos.com/servicemonitors: ${SINK_VERBS}`,
    ]);
  });

  it('gives the Kubernetes plugin read access only, and nobody secrets or wildcards', () => {
    for (const verbs of grants(rulesOf(base, 'backstage-kubernetes-read')).map(
      g => g.split(': ')[1],
    )) {
      expect(
        verbs.split(',').every(v => ['get', 'list', 'watch'].includes(v)),
      ).toBe(true);
    }
    for (const role of base.filter(
      o => o.kind === 'ClusterRole' || o.kind === 'Role',
    )) {
      const all = grants(
        (role as KubeObject & { rules: PolicyRule[] }).rules,
      ).join('\n');
      expect({
        role: objectId(role),
        secrets: /secrets/.test(all),
        wildcard: /\*/.test(all),
      }).toEqual({
        role: objectId(role),
        secrets: false,
        wildcard: false,
      });
    }
  });

  it("binds both roles to the Deployment's service account", () => {
    const deployment = findObject(base, 'Deployment', 'backstage');
    const serviceAccount = (
      deployment.spec as { template: { spec: { serviceAccountName: string } } }
    ).template.spec.serviceAccountName;
    for (const name of ['lookout-provisioner', 'backstage-kubernetes-read']) {
      const binding = findObject(
        base,
        'ClusterRoleBinding',
        name,
      ) as KubeObject & {
        roleRef: { name: string };
        subjects: Array<{ kind: string; name: string; namespace: string }>;
      };
      expect(binding.roleRef.name).toBe(name);
      expect(binding.subjects).toEqual([
        {
          kind: 'ServiceAccount',
          name: serviceAccount,
          namespace: deployment.metadata.namespace,
        },
      ]);
    }
  });

  it('configures the kubernetes sink for a cluster the Kubernetes plugin knows, and PostgreSQL', () => {
    const config = parse(
      dataValue(
        findObject(base, 'ConfigMap', 'backstage-app-config'),
        'app-config.production.yaml',
      ),
    ) as any;
    const clusters = config.kubernetes.clusterLocatorMethods.flatMap(
      (method: { clusters: Array<{ name: string; authProvider: string }> }) =>
        method.clusters,
    );
    const sinks = config.observability.provisioning.sinks as Array<{
      type: string;
      cluster?: string;
    }>;
    const kubernetesSink = sinks.find(sink => sink.type === 'kubernetes')!;
    expect(clusters.map((c: { name: string }) => c.name)).toContain(
      kubernetesSink.cluster,
    );
    expect(clusters[0].authProvider).toBe('serviceAccount');
    expect(config.backend.database.client).toBe('pg');
    expect(config.observability.prometheus.url).toBe(
      'http://prometheus.observability.svc:9090',
    );
  });

  it('mounts the configuration it reads and gets its secrets from Secrets, not from the ConfigMap', () => {
    const deployment = findObject(base, 'Deployment', 'backstage');
    const pod = (deployment.spec as { template: { spec: any } }).template.spec;
    const container = pod.containers[0];
    const mount = container.volumeMounts.find(
      (m: { name: string }) => m.name === 'app-config',
    );
    expect(container.args).toContain(
      `${mount.mountPath}/app-config.production.yaml`,
    );
    const volume = pod.volumes.find(
      (v: { name: string }) => v.name === 'app-config',
    );
    expect(volume.configMap.name).toBe(
      findObject(base, 'ConfigMap', 'backstage-app-config').metadata.name,
    );
    expect(
      container.envFrom
        .map((e: { secretRef: { name: string } }) => e.secretRef.name)
        .sort(),
    ).toEqual(['backstage-postgres', 'backstage-secrets']);
    const configText = dataValue(
      findObject(base, 'ConfigMap', 'backstage-app-config'),
      'app-config.production.yaml',
    );
    const provided = new Set([
      ...container.env.map((e: { name: string }) => e.name),
      'POSTGRES_HOST',
      'POSTGRES_PORT',
      'POSTGRES_USER',
      'POSTGRES_PASSWORD',
      'BACKEND_SECRET',
      'GRAFANA_TOKEN',
    ]);
    const uncommented = configText
      .split('\n')
      .filter(line => !line.trimStart().startsWith('#'))
      .join('\n');
    const variables = [...uncommented.matchAll(/\$\{([A-Z_]+)\}/g)].map(
      m => m[1],
    );
    expect(variables).toEqual(
      expect.arrayContaining(['POSTGRES_PASSWORD', 'APP_BASE_URL']),
    );
    for (const variable of variables) {
      expect({ variable, provided: provided.has(variable) }).toEqual({
        variable,
        provided: true,
      });
    }
  });
});
