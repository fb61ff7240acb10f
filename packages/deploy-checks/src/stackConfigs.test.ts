/*
 * The configuration files of the stack (Loki, Tempo, Grafana's datasources, the OpenTelemetry
 * Collector, deploy/compose) say what the stack relies on, and every address in them names
 * something that exists.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parse } from 'yaml';
import { dataValue, findObject, KubeObject, objectId } from './kubeObject';
import { BINARIES, deployPath } from './paths';
import { describeWithBinaries } from './testing/requireBinary';
import { Build, buildStack } from './testing/stackBuilds';

jest.setTimeout(120_000);

type Config = Record<string, any>;

interface Container {
  name: string;
  args?: string[];
  env?: Array<{ name: string; value?: string }>;
  envFrom?: unknown[];
}

function podContainers(object: KubeObject): Container[] {
  return (object.spec as { template: { spec: { containers: Container[] } } })
    .template.spec.containers;
}

function envOf(
  object: KubeObject,
  container: string,
): Record<string, string | undefined> {
  const found = podContainers(object).find(c => c.name === container)!;
  return Object.fromEntries((found.env ?? []).map(e => [e.name, e.value]));
}

/** `${VAR}` and `${VAR:-default}` references (Loki's and Tempo's -config.expand-env syntax). */
function envReferences(
  text: string,
): Array<{ name: string; fallback?: string }> {
  return [
    ...text.matchAll(/\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}/g),
  ].map(m => ({
    name: m[1],
    fallback: m[2],
  }));
}

/** Lines that are not comments, so that references in comments do not count. */
function withoutComments(text: string): string {
  return text
    .split('\n')
    .filter(line => !line.trimStart().startsWith('#'))
    .join('\n');
}

/** A config file mounted from a ConfigMap, parsed, with its raw text. */
function mountedConfig(build: Build, configMap: string, key: string) {
  const text = dataValue(
    findObject(build.objects, 'ConfigMap', configMap),
    key,
  );
  return { text, config: parse(text) as Config };
}

describeWithBinaries(BINARIES.kubectl)('configuration of the stack', () => {
  let builds: Build[];
  const build = (name: string) => builds.find(b => b.name === name)!;

  beforeAll(async () => {
    builds = (await buildStack()).builds;
  });

  describe('Loki', () => {
    it('is multi-tenant, with retention enforced by the compactor', () => {
      for (const name of ['base', 'overlays/staging', 'overlays/production']) {
        const { config } = mountedConfig(
          build(name),
          'loki-config',
          'loki.yaml',
        );
        expect(config.auth_enabled).toBe(true);
        expect(config.limits_config.retention_period).toBe(
          '${LOKI_RETENTION_PERIOD:-744h}',
        );
        expect(config.compactor).toMatchObject({ retention_enabled: true });
        expect(config.schema_config.configs[0]).toMatchObject({
          store: 'tsdb',
          schema: 'v13',
        });
      }
    });

    it('stores on the filesystem in the base and on S3 in production', () => {
      const base = mountedConfig(
        build('base'),
        'loki-config',
        'loki.yaml',
      ).config;
      expect(base.common.storage).toEqual({
        filesystem: {
          chunks_directory: '/var/loki/chunks',
          rules_directory: '/var/loki/rules',
        },
      });
      expect(base.schema_config.configs[0].object_store).toBe('filesystem');
      const production = mountedConfig(
        build('overlays/production'),
        'loki-config',
        'loki.yaml',
      ).config;
      expect(Object.keys(production.common.storage)).toEqual(['s3']);
      expect(production.schema_config.configs[0].object_store).toBe('s3');
      expect(production.compactor.delete_request_store).toBe('s3');
    });

    it('gets a retention per environment and every variable its config needs', () => {
      const retention = {
        base: '744h',
        'overlays/staging': '168h',
        'overlays/production': '2160h',
      };
      for (const [name, expected] of Object.entries(retention)) {
        const loki = findObject(build(name).objects, 'StatefulSet', 'loki');
        const container = podContainers(loki).find(c => c.name === 'loki')!;
        expect(container.args).toEqual(
          expect.arrayContaining(['-config.expand-env=true', '-target=all']),
        );
        const env = envOf(loki, 'loki');
        expect({ name, retention: env.LOKI_RETENTION_PERIOD }).toEqual({
          name,
          retention: expected,
        });
        const { text } = mountedConfig(build(name), 'loki-config', 'loki.yaml');
        const required = envReferences(withoutComments(text)).filter(
          r => r.fallback === undefined,
        );
        for (const reference of required) {
          // Set explicitly, or by the object storage Secret (production).
          expect({
            name,
            variable: reference.name,
            provided: reference.name in env || !!container.envFrom,
          }).toEqual({ name, variable: reference.name, provided: true });
        }
      }
    });
  });

  describe('Tempo', () => {
    it('remote-writes span metrics with exemplars to the Prometheus Service of the build', () => {
      for (const name of ['base', 'overlays/production']) {
        const { config } = mountedConfig(
          build(name),
          'tempo-config',
          'tempo.yaml',
        );
        const [remoteWrite] = config.metrics_generator.storage.remote_write;
        expect(remoteWrite).toEqual({
          url: '${PROMETHEUS_REMOTE_WRITE_URL:-http://prometheus.observability.svc:9090/api/v1/write}',
          send_exemplars: true,
        });
        expect(config.overrides.defaults.metrics_generator.processors).toEqual(
          expect.arrayContaining(['service-graphs', 'span-metrics']),
        );
        const service = findObject(
          build(name).objects,
          'Service',
          'prometheus',
        );
        const ports = (service.spec as { ports: Array<{ port: number }> })
          .ports;
        expect(ports.map(p => p.port)).toContain(9090);
      }
    });

    it('stores locally in the base and on S3 in production, with a retention', () => {
      const base = mountedConfig(
        build('base'),
        'tempo-config',
        'tempo.yaml',
      ).config;
      expect(base.storage.trace.backend).toBe('local');
      expect(base.compactor.compaction.block_retention).toBe(
        '${TEMPO_BLOCK_RETENTION:-336h}',
      );
      const production = mountedConfig(
        build('overlays/production'),
        'tempo-config',
        'tempo.yaml',
      ).config;
      expect(production.storage.trace.backend).toBe('s3');
      expect(Object.keys(production.storage.trace.s3)).toEqual(
        expect.arrayContaining([
          'endpoint',
          'bucket',
          'access_key',
          'secret_key',
        ]),
      );
      const tempo = findObject(
        build('overlays/production').objects,
        'StatefulSet',
        'tempo',
      );
      expect(envOf(tempo, 'tempo').TEMPO_BLOCK_RETENTION).toBe('720h');
    });

    it('receives OTLP on the ports its Service exposes', () => {
      const { config } = mountedConfig(
        build('base'),
        'tempo-config',
        'tempo.yaml',
      );
      expect(config.distributor.receivers.otlp.protocols).toEqual({
        grpc: { endpoint: '0.0.0.0:4317' },
        http: { endpoint: '0.0.0.0:4318' },
      });
      const service = findObject(build('base').objects, 'Service', 'tempo');
      expect(
        (service.spec as { ports: Array<{ port: number }> }).ports.map(
          p => p.port,
        ),
      ).toEqual(expect.arrayContaining([3200, 4317, 4318]));
    });
  });

  describe('Grafana', () => {
    const datasources = () =>
      mountedConfig(build('base'), 'grafana-datasources', 'datasources.yaml')
        .config.datasources as Config[];
    const byUid = (uid: string) => datasources().find(d => d.uid === uid)!;

    it('links exemplars to traces, traces to logs and metrics, logs to traces', () => {
      const uids = new Set(datasources().map(d => d.uid));
      expect([...uids].sort()).toEqual([
        'alertmanager',
        'loki',
        'prometheus',
        'tempo',
      ]);
      const prometheus = byUid('prometheus').jsonData;
      expect(prometheus.exemplarTraceIdDestinations).toEqual([
        { name: 'trace_id', datasourceUid: 'tempo' },
      ]);
      const tempo = byUid('tempo').jsonData;
      expect(tempo.tracesToLogsV2).toMatchObject({
        datasourceUid: 'loki',
        filterByTraceID: true,
      });
      expect(tempo.tracesToMetrics.datasourceUid).toBe('prometheus');
      expect(tempo.serviceMap.datasourceUid).toBe('prometheus');
      for (const link of [
        ...prometheus.exemplarTraceIdDestinations,
        ...byUid('loki').jsonData.derivedFields,
      ]) {
        expect(uids.has(link.datasourceUid)).toBe(true);
      }
    });

    it('sends the Loki tenant in X-Scope-OrgID as a secure header', () => {
      const loki = byUid('loki');
      expect(loki.jsonData.httpHeaderName1).toBe('X-Scope-OrgID');
      expect(loki.secureJsonData.httpHeaderValue1).toBe('${LOKI_TENANTS}');
    });

    it('gets every address its datasources read from the environment, in the cluster and in compose', () => {
      const text = withoutComments(
        readFileSync(
          deployPath('observability', 'base', 'grafana', 'datasources.yaml'),
          'utf8',
        ),
      );
      // `$${...}` is Grafana's escape for a literal `${...}`.
      const variables = [...text.matchAll(/(?<!\$)\$\{([A-Z_]+)\}/g)].map(
        m => m[1],
      );
      expect(new Set(variables)).toEqual(
        new Set([
          'PROMETHEUS_URL',
          'ALERTMANAGER_URL',
          'LOKI_URL',
          'LOKI_TENANTS',
          'TEMPO_URL',
        ]),
      );
      const compose = parse(
        readFileSync(deployPath('compose', 'compose.yaml'), 'utf8'),
      ) as Config;
      for (const name of ['base', 'components/thanos', 'overlays/production']) {
        const env = envOf(
          findObject(build(name).objects, 'Deployment', 'grafana'),
          'grafana',
        );
        for (const variable of variables) {
          expect({ name, variable, set: env[variable] !== undefined }).toEqual({
            name,
            variable,
            set: true,
          });
          expect(compose.services.grafana.environment[variable]).toEqual(
            expect.any(String),
          );
        }
      }
      const thanos = envOf(
        findObject(build('components/thanos').objects, 'Deployment', 'grafana'),
        'grafana',
      );
      expect(thanos.PROMETHEUS_URL).toBe(
        'http://thanos-query.observability.svc:9090',
      );
    });

    it('runs the dashboard sidecar on labelled ConfigMaps of every namespace, folders from annotations', () => {
      const grafana = findObject(
        build('base').objects,
        'Deployment',
        'grafana',
      );
      const sidecar = envOf(grafana, 'dashboard-sidecar');
      expect(sidecar).toMatchObject({
        LABEL: 'grafana_dashboard',
        LABEL_VALUE: '1',
        FOLDER_ANNOTATION: 'grafana_folder',
        NAMESPACE: 'ALL',
        RESOURCE: 'configmap',
        FOLDER: '/var/lib/grafana/dashboards',
      });
      const providers = mountedConfig(
        build('base'),
        'grafana-dashboard-providers',
        'dashboards.yaml',
      ).config.providers as Config[];
      expect(providers[0].options).toEqual({
        path: sidecar.FOLDER,
        foldersFromFilesStructure: true,
      });
      // The fixture entity's dashboard ConfigMap is one the sidecar picks up.
      const dashboard = findObject(
        build('overlays/production').objects,
        'ConfigMap',
        'component-default-checkout-dashboard',
      );
      expect(dashboard.metadata.labels?.grafana_dashboard).toBe('1');
      expect(dashboard.metadata.annotations?.grafana_folder).toBe('team-shop');
    });

    it('adds the Pyroscope datasource to the provisioning volume with the pyroscope component', () => {
      const grafana = findObject(
        build('components/pyroscope').objects,
        'Deployment',
        'grafana',
      );
      const volume = (
        grafana.spec as {
          template: {
            spec: { volumes: Array<{ name: string; projected?: Config }> };
          };
        }
      ).template.spec.volumes.find(v => v.name === 'datasources')!;
      const names = volume.projected!.sources.map(
        (s: Config) => s.configMap.name as string,
      );
      expect(names).toEqual([
        expect.stringMatching(/^grafana-datasources-/),
        expect.stringMatching(/^grafana-datasource-pyroscope-/),
      ]);
      const pyroscope = mountedConfig(
        build('components/pyroscope'),
        'grafana-datasource-pyroscope',
        'pyroscope.yaml',
      ).config;
      expect(pyroscope.datasources[0]).toMatchObject({
        type: 'grafana-pyroscope-datasource',
        url: 'http://pyroscope.observability.svc:4040',
      });
    });
  });

  describe('the OpenTelemetry Collector', () => {
    it('sends traces to Tempo, logs to Loki with the tenant header, metrics by remote write', () => {
      const { text, config } = mountedConfig(
        build('components/otel-collector'),
        'otel-collector-config',
        'collector.yaml',
      );
      expect(config.service.pipelines).toEqual({
        traces: expect.objectContaining({
          receivers: ['otlp'],
          exporters: ['otlp/tempo'],
        }),
        logs: expect.objectContaining({
          receivers: ['otlp'],
          exporters: ['otlphttp/loki'],
        }),
        metrics: expect.objectContaining({
          receivers: ['otlp'],
          exporters: ['prometheusremotewrite'],
        }),
      });
      expect(config.exporters['otlphttp/loki'].headers).toEqual({
        'X-Scope-OrgID': '${env:LOKI_TENANT}',
      });
      const variables = [
        ...withoutComments(text).matchAll(/\$\{env:([A-Z_]+)\}/g),
      ].map(m => m[1]);
      expect(variables.length).toBeGreaterThan(0);
      const collector = findObject(
        build('components/otel-collector').objects,
        'Deployment',
        'otel-collector',
      );
      const env = envOf(collector, 'otel-collector');
      const compose = parse(
        readFileSync(deployPath('compose', 'compose.yaml'), 'utf8'),
      ) as Config;
      for (const variable of variables) {
        expect({ variable, cluster: env[variable] !== undefined }).toEqual({
          variable,
          cluster: true,
        });
        expect({
          variable,
          compose: compose.services['otel-collector'].environment[variable],
        }).toEqual({ variable, compose: expect.any(String) });
      }
      expect(env).toMatchObject({
        TEMPO_OTLP_ENDPOINT: 'tempo.observability.svc:4317',
        LOKI_OTLP_ENDPOINT: 'http://loki.observability.svc:3100/otlp',
        PROMETHEUS_REMOTE_WRITE_URL:
          'http://prometheus.observability.svc:9090/api/v1/write',
      });
    });
  });

  it('names, in every in-cluster address, a Service and port of the same build', () => {
    // Services prometheus-operator creates itself for its custom resources.
    const operatorServices = new Set([
      'prometheus-operated',
      'alertmanager-operated',
    ]);
    const problems: string[] = [];
    let checked = 0;
    for (const { name, objects } of builds) {
      const ports = new Map<string, Set<number>>();
      for (const service of objects.filter(o => o.kind === 'Service')) {
        const servicePorts = (
          service.spec as { ports: Array<{ port: number }> }
        ).ports;
        ports.set(
          service.metadata.name,
          new Set(servicePorts.map(p => p.port)),
        );
      }
      for (const object of objects.filter(
        o => !o.metadata.annotations?.['backstage.io/entity-ref'],
      )) {
        const text =
          JSON.stringify(object.data ?? object.spec ?? {}) +
          (object.kind === 'Secret'
            ? Object.keys((object.data as object) ?? {})
                .map(key => dataValue(object, key))
                .join('\n')
            : '');
        for (const match of text.matchAll(
          /([a-z0-9-]+)\.observability\.svc(?:\.cluster\.local)?(?::(\d+))?/g,
        )) {
          const [address, service, port] = match;
          checked += 1;
          if (operatorServices.has(service)) {
            continue;
          }
          const known = ports.get(service);
          if (!known || (port !== undefined && !known.has(Number(port)))) {
            problems.push(`${name}: ${objectId(object)} refers to ${address}`);
          }
        }
      }
    }
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThan(5 * builds.length);
  });

  describe('deploy/compose', () => {
    const composeFile = deployPath('compose', 'compose.yaml');
    const compose = () => parse(readFileSync(composeFile, 'utf8')) as Config;

    it('mounts only files and folders that exist in the repository', () => {
      const missing: string[] = [];
      for (const [service, definition] of Object.entries(
        compose().services as Config,
      )) {
        for (const volume of (definition.volumes ?? []) as string[]) {
          const source = volume.split(':')[0];
          if (
            source.startsWith('.') &&
            !existsSync(resolve(dirname(composeFile), source))
          ) {
            missing.push(`${service}: ${source}`);
          }
        }
      }
      expect(missing).toEqual([]);
    });

    it("mounts Lookout's prometheus-files folders where its Prometheus config reads them", () => {
      const services = compose().services as Config;
      expect(services.prometheus.volumes).toEqual(
        expect.arrayContaining([
          './lookout/rules:/etc/prometheus/rules/lookout:ro',
          './lookout/targets:/etc/prometheus/targets/lookout:ro',
        ]),
      );
      expect(services.prometheus.command).toEqual(
        expect.arrayContaining([
          '--web.enable-lifecycle',
          '--web.enable-remote-write-receiver',
          '--enable-feature=exemplar-storage',
        ]),
      );
      const prometheus = parse(
        readFileSync(
          deployPath('compose', 'prometheus', 'prometheus.yml'),
          'utf8',
        ),
      ) as Config;
      expect(prometheus.rule_files).toEqual([
        '/etc/prometheus/rules/lookout/*.yaml',
      ]);
      expect(prometheus.scrape_configs[0].file_sd_configs[0].files).toEqual([
        '/etc/prometheus/targets/lookout/*.json',
      ]);
    });

    it('runs the images the cluster runs', () => {
      const services = compose().services as Config;
      const imageOf = (o: KubeObject): string[] => {
        if (['Deployment', 'StatefulSet'].includes(o.kind)) {
          return podContainers(o).map(
            c => (c as Container & { image: string }).image,
          );
        }
        if (o.kind === 'Prometheus' || o.kind === 'Alertmanager') {
          return [(o.spec as { image: string }).image];
        }
        return [];
      };
      const clusterImages = new Set(
        build('all components').objects.flatMap(imageOf),
      );
      for (const [service, definition] of Object.entries(services)) {
        expect({ service, image: clusterImages.has(definition.image) }).toEqual(
          {
            service,
            image: true,
          },
        );
      }
    });
  });
});
