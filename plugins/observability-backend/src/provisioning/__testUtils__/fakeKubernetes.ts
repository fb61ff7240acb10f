/*
 * Test support: msw handlers that behave like a Kubernetes API server for the few calls of the
 * `kubernetes` sink: API discovery, server-side apply (`PATCH` with
 * `application/apply-patch+yaml`, `fieldManager`, `force`), get, delete, and cluster-wide list
 * by label selector. Objects are stored as applied. Errors can be injected per call.
 */
import { http, HttpResponse } from 'msw';
import { KubernetesManifest } from '@lookout/plugin-observability-node';
import { parse } from 'yaml';

interface Resource {
  group: string;
  version: string;
  kind: string;
  plural: string;
}

/** The kinds the fake serves; GrafanaDashboard only when its CRD is "installed". */
const RESOURCES: Resource[] = [
  {
    group: 'monitoring.coreos.com',
    version: 'v1',
    kind: 'ServiceMonitor',
    plural: 'servicemonitors',
  },
  {
    group: 'monitoring.coreos.com',
    version: 'v1',
    kind: 'PodMonitor',
    plural: 'podmonitors',
  },
  {
    group: 'monitoring.coreos.com',
    version: 'v1',
    kind: 'PrometheusRule',
    plural: 'prometheusrules',
  },
  {
    group: 'monitoring.coreos.com',
    version: 'v1alpha1',
    kind: 'ScrapeConfig',
    plural: 'scrapeconfigs',
  },
  {
    group: 'monitoring.coreos.com',
    version: 'v1alpha1',
    kind: 'AlertmanagerConfig',
    plural: 'alertmanagerconfigs',
  },
  { group: '', version: 'v1', kind: 'ConfigMap', plural: 'configmaps' },
  { group: '', version: 'v1', kind: 'Secret', plural: 'secrets' },
];

const GRAFANA_DASHBOARD: Resource = {
  group: 'grafana.integreatly.org',
  version: 'v1beta1',
  kind: 'GrafanaDashboard',
  plural: 'grafanadashboards',
};

/** An object as stored: as applied, with the server's `resourceVersion`. */
type KubeObject = KubernetesManifest & {
  metadata: { resourceVersion?: string };
};

/** One request the fake received. */
export interface KubeRequest {
  method: string;
  path: string;
  contentType?: string;
}

function status(code: number, reason: string, message: string) {
  return HttpResponse.json(
    {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message,
      reason,
      code,
    },
    { status: code },
  );
}

/** The fake API server's state and handlers. */
export class FakeKubernetes {
  /** Objects by `<plural>/<namespace>/<name>`. */
  readonly objects = new Map<string, KubeObject>();
  readonly requests: KubeRequest[] = [];
  /** Statuses to answer the next object requests (not discovery) with, first first. */
  readonly failures: number[] = [];
  private version = 0;
  private readonly resources: Resource[];

  /** `grafanaOperator`: whether the grafana-operator's CRDs are installed. */
  constructor(
    readonly url = 'https://k8s.test',
    options: { grafanaOperator?: boolean } = {},
  ) {
    this.resources = options.grafanaOperator
      ? [...RESOURCES, GRAFANA_DASHBOARD]
      : RESOURCES;
  }

  /** Stores an object as if someone else had created it. */
  /** Forgets every object, request and pending failure. */
  reset(): void {
    this.objects.clear();
    this.requests.length = 0;
    this.failures.length = 0;
  }

  put(plural: string, object: KubeObject): void {
    this.objects.set(
      `${plural}/${object.metadata.namespace}/${object.metadata.name}`,
      object,
    );
  }

  handlers() {
    const base = (r: Resource) =>
      r.group
        ? `${this.url}/apis/${r.group}/${r.version}`
        : `${this.url}/api/v1`;
    const groups = new Map<string, Resource[]>();
    for (const r of this.resources) {
      groups.set(base(r), [...(groups.get(base(r)) ?? []), r]);
    }
    const discovery = [...groups].map(([prefix, resources]) =>
      http.get(prefix, () =>
        HttpResponse.json({
          kind: 'APIResourceList',
          groupVersion: resources[0].group
            ? `${resources[0].group}/${resources[0].version}`
            : 'v1',
          resources: resources.map(r => ({
            name: r.plural,
            singularName: r.kind.toLowerCase(),
            namespaced: true,
            kind: r.kind,
            verbs: [
              'create',
              'delete',
              'get',
              'list',
              'patch',
              'update',
              'watch',
            ],
          })),
        }),
      ),
    );
    const notInstalled = http.get(
      `${this.url}/apis/grafana.integreatly.org/v1beta1`,
      () =>
        status(
          404,
          'NotFound',
          'the server could not find the requested resource',
        ),
    );

    const objectHandlers = this.resources.flatMap(r => {
      const item = `${base(r)}/namespaces/:namespace/${r.plural}/:name`;
      const key = (params: Record<string, unknown>) =>
        `${r.plural}/${params.namespace}/${params.name}`;
      const record = (request: Request) => {
        const url = new URL(request.url);
        this.requests.push({
          method: request.method,
          path: url.pathname + url.search,
          contentType: request.headers.get('content-type') ?? undefined,
        });
        const failure = this.failures.shift();
        return failure === undefined
          ? undefined
          : status(failure, 'InternalError', 'etcdserver: request timed out');
      };
      return [
        http.patch(item, async ({ request, params }) => {
          const failed = record(request);
          if (failed) return failed;
          const url = new URL(request.url);
          if (
            request.headers.get('content-type') !==
            'application/apply-patch+yaml'
          ) {
            return status(
              415,
              'UnsupportedMediaType',
              'the body of the request was in an unknown format',
            );
          }
          if (!url.searchParams.get('fieldManager')) {
            return status(
              422,
              'Invalid',
              'PatchOptions.meta.k8s.io "" is invalid: fieldManager: Required value',
            );
          }
          const object = parse(await request.text()) as KubeObject;
          if (object.metadata.name !== params.name) {
            return status(
              400,
              'BadRequest',
              'the name of the object does not match the name on the URL',
            );
          }
          this.version += 1;
          const stored = {
            ...object,
            metadata: {
              ...object.metadata,
              resourceVersion: String(this.version),
            },
          };
          this.objects.set(key(params), stored);
          return HttpResponse.json(stored);
        }),
        http.get(item, ({ request, params }) => {
          const failed = record(request);
          if (failed) return failed;
          const object = this.objects.get(key(params));
          return object
            ? HttpResponse.json(object)
            : status(404, 'NotFound', `${r.plural} "${params.name}" not found`);
        }),
        http.delete(item, ({ request, params }) => {
          const failed = record(request);
          if (failed) return failed;
          if (!this.objects.delete(key(params))) {
            return status(
              404,
              'NotFound',
              `${r.plural} "${params.name}" not found`,
            );
          }
          return HttpResponse.json({
            kind: 'Status',
            apiVersion: 'v1',
            status: 'Success',
          });
        }),
        http.get(`${base(r)}/${r.plural}`, ({ request }) => {
          const failed = record(request);
          if (failed) return failed;
          const selector =
            new URL(request.url).searchParams.get('labelSelector') ?? '';
          const terms = selector
            .split(',')
            .filter(Boolean)
            .map(term => term.split('='));
          const items = [...this.objects.entries()]
            .filter(([k]) => k.startsWith(`${r.plural}/`))
            .map(([, o]) => o)
            .filter(o =>
              terms.every(
                ([label, value]) => o.metadata.labels?.[label] === value,
              ),
            );
          return HttpResponse.json({
            kind: `${r.kind}List`,
            apiVersion: 'v1',
            metadata: {},
            items,
          });
        }),
      ];
    });
    return [
      ...discovery,
      ...(groups.has(`${this.url}/apis/grafana.integreatly.org/v1beta1`)
        ? []
        : [notInstalled]),
      ...objectHandlers,
    ];
  }
}
