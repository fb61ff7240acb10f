/*
 * The `kubernetes` sink: server-side apply (field manager `lookout`, forced) of each entity's
 * objects, exactly those `kubectl kustomize` builds from its operator folder, to one cluster of
 * the Kubernetes plugin's config. Server-side apply also lifts the 256 KiB limit of the
 * client-side `last-applied` annotation, which large dashboards exceed. Objects are deleted only
 * when they carry `app.kubernetes.io/managed-by: lookout` and this installation's
 * `lookout.dev/instance`; an existing object without both is never taken over (the apply is not
 * forced, and it is refused before), which the entity's status reports.
 */
import {
  KubeConfig,
  KubernetesObject,
  KubernetesObjectApi,
  PatchStrategy,
} from '@kubernetes/client-node';
import {
  applyPerEntity,
  entityFolderFiles,
  GrafanaOperatorOptions,
  KubernetesManifest,
  DEFAULT_INSTANCE_ID,
  INSTANCE_LABEL,
  MANAGED_BY_LABEL,
  MANAGED_BY_VALUE,
  manifestId,
  operatorObjects,
  parseManifestId,
  ProvisioningSink,
  SinkApplyResult,
  SinkChanges,
  SinkUpsert,
} from '@lookout/plugin-observability-node';
import { KubernetesCluster } from './readKubernetesClusters';

/** The token of the pod's service account, used when the cluster config names none. */
const IN_CLUSTER_TOKEN_FILE =
  '/var/run/secrets/kubernetes.io/serviceaccount/token';

/** Field manager of Lookout's server-side applies. */
export const FIELD_MANAGER = 'lookout';

/** The kinds Lookout generates, listed on a full sync to find orphans. */
const GENERATED_KINDS = [
  { apiVersion: 'monitoring.coreos.com/v1', kind: 'ServiceMonitor' },
  { apiVersion: 'monitoring.coreos.com/v1', kind: 'PodMonitor' },
  { apiVersion: 'monitoring.coreos.com/v1', kind: 'PrometheusRule' },
  { apiVersion: 'monitoring.coreos.com/v1alpha1', kind: 'ScrapeConfig' },
  { apiVersion: 'grafana.integreatly.org/v1beta1', kind: 'GrafanaDashboard' },
  { apiVersion: 'v1', kind: 'ConfigMap' },
  { apiVersion: 'monitoring.coreos.com/v1alpha1', kind: 'AlertmanagerConfig' },
  // Not Secret: the sink's role may not list Secrets (deploy/backstage/base/rbac.yaml); a
  // generated Secret is still deleted with its team (previous objects), only never as an orphan.
];

/** Options of {@link KubernetesSink}. */
export interface KubernetesSinkOptions {
  name?: string;
  cluster: KubernetesCluster;
  /** Attempts of an API call that fails with 5xx, 429 or a network error. Default 3. */
  attempts?: number;
  /** Delay before the second attempt, doubled for each further one, in ms. Default 500. */
  retryDelayMs?: number;
  /** Also apply a grafana-operator `GrafanaDashboard` per dashboard (`observability.render.grafanaOperator`). */
  grafanaOperator?: GrafanaOperatorOptions;
  /** The installation (`observability.instanceId`) whose objects this sink may change. */
  instanceId?: string;
}

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

/** A server error, throttling, or a network failure (node-fetch's FetchError). */
function isRetryable(error: unknown): boolean {
  const code = statusCode(error);
  return code === undefined
    ? (error as Error).name === 'FetchError'
    : code >= 500 || code === 429;
}

function statusCode(error: unknown): number | undefined {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'number' ? code : undefined;
}

function describeError(action: string, id: string, error: unknown): Error {
  const body = (error as { body?: unknown }).body;
  const message =
    (typeof body === 'string' && safeMessage(body)) ||
    (error as Error).message ||
    String(error);
  return new Error(`${action} ${id}: ${message}`);
}

function safeMessage(body: string): string | undefined {
  try {
    const parsed = JSON.parse(body) as { message?: unknown };
    return typeof parsed.message === 'string' ? parsed.message : undefined;
  } catch {
    return body || undefined;
  }
}

function header(id: string): KubernetesObject & { metadata: { name: string } } {
  const { apiVersion, kind, namespace, name } = parseManifestId(id);
  return {
    apiVersion,
    kind,
    metadata: { name, ...(namespace ? { namespace } : {}) },
  };
}

/** Applies the operator objects to a cluster. */
export class KubernetesSink implements ProvisioningSink {
  readonly type = 'kubernetes';
  readonly name: string;
  private readonly api: KubernetesObjectApi;
  private readonly layout: { grafanaOperator?: GrafanaOperatorOptions };
  private readonly instanceId: string;

  constructor(private readonly options: KubernetesSinkOptions) {
    this.layout = { grafanaOperator: options.grafanaOperator };
    this.instanceId = options.instanceId ?? DEFAULT_INSTANCE_ID;
    const { cluster } = options;
    this.name = options.name ?? `kubernetes:${cluster.name}`;
    const kubeConfig = new KubeConfig();
    kubeConfig.loadFromOptions({
      clusters: [
        {
          name: cluster.name,
          server: cluster.url,
          caData: cluster.caData,
          caFile: cluster.caFile,
          skipTLSVerify: cluster.skipTLSVerify ?? false,
        },
      ],
      users: [
        cluster.serviceAccountToken
          ? { name: 'lookout', token: cluster.serviceAccountToken }
          : {
              name: 'lookout',
              authProvider: {
                name: 'tokenFile',
                config: { tokenFile: IN_CLUSTER_TOKEN_FILE },
              },
            },
      ],
      contexts: [
        { name: cluster.name, cluster: cluster.name, user: 'lookout' },
      ],
      currentContext: cluster.name,
    });
    this.api = KubernetesObjectApi.makeApiClient(kubeConfig);
  }

  async apply(changes: SinkChanges): Promise<SinkApplyResult> {
    return applyPerEntity(changes, {
      upsert: async upsert => {
        const manifests = this.manifestsOf(upsert);
        const ids = manifests.map(manifestId);
        for (const manifest of manifests) {
          await this.serverSideApply(manifest);
        }
        for (const stale of upsert.previousObjects) {
          if (!ids.includes(stale)) {
            await this.deleteIfManaged(stale);
          }
        }
        return { objects: ids, changed: true };
      },
      remove: async removal => {
        for (const id of removal.previousObjects) {
          await this.deleteIfManaged(id);
        }
        return { changed: true };
      },
      keptIds: keep => keep.objects,
      upsertIds: upsert => this.manifestsOf(upsert).map(manifestId),
      listPresent: () => this.listManaged(),
      prune: async id => {
        await this.deleteIfManaged(id);
        return true;
      },
    });
  }

  private manifestsOf(upsert: SinkUpsert): KubernetesManifest[] {
    return operatorObjects(entityFolderFiles(upsert.render, this.layout));
  }

  /** Calls the API, retrying server errors and network failures with a doubling delay. */
  private async call<T>(fn: () => Promise<T>): Promise<T> {
    const attempts = this.options.attempts ?? 3;
    let delay = this.options.retryDelayMs ?? 500;
    for (let attempt = 1; ; attempt++) {
      try {
        return await fn();
      } catch (error) {
        if (attempt >= attempts || !isRetryable(error)) {
          throw error;
        }
        await sleep(delay);
        delay *= 2;
      }
    }
  }

  /** Whether a live object is this installation's. */
  private isOwn(live: KubernetesObject): boolean {
    const labels = live.metadata?.labels ?? {};
    return (
      labels[MANAGED_BY_LABEL] === MANAGED_BY_VALUE &&
      (labels[INSTANCE_LABEL] ?? DEFAULT_INSTANCE_ID) === this.instanceId
    );
  }

  private async serverSideApply(manifest: KubernetesManifest): Promise<void> {
    const id = manifestId(manifest);
    let live: KubernetesObject | undefined;
    try {
      live = await this.call(() => this.api.read(header(id)));
    } catch (error) {
      if (statusCode(error) !== 404) {
        throw describeError('reading', id, error);
      }
    }
    if (live && !this.isOwn(live)) {
      const owner = live.metadata?.labels?.[INSTANCE_LABEL];
      throw new Error(
        `${id} exists and is not managed by this Lookout installation (instance ${
          this.instanceId
        }${
          owner ? `; it belongs to instance ${owner}` : ''
        }); it is not taken over`,
      );
    }
    try {
      await this.call(() =>
        this.api.patch(
          manifest,
          undefined,
          undefined,
          FIELD_MANAGER,
          false,
          PatchStrategy.ServerSideApply,
        ),
      );
    } catch (error) {
      throw describeError('server-side apply of', manifestId(manifest), error);
    }
  }

  /** Deletes the object if it carries Lookout's managed-by label; a missing object is fine. */
  private async deleteIfManaged(id: string): Promise<void> {
    let live: KubernetesObject;
    try {
      live = await this.call(() => this.api.read(header(id)));
    } catch (error) {
      if (statusCode(error) === 404) {
        return;
      }
      throw describeError('reading', id, error);
    }
    if (!this.isOwn(live)) {
      return;
    }
    try {
      await this.call(() => this.api.delete(header(id)));
    } catch (error) {
      if (statusCode(error) !== 404) {
        throw describeError('deleting', id, error);
      }
    }
  }

  /** One page of the objects of a kind labelled as managed by Lookout, in all namespaces. */
  private listPage(apiVersion: string, kind: string, continueToken?: string) {
    return this.call(() =>
      this.api.list(
        apiVersion,
        kind,
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        `${MANAGED_BY_LABEL}=${MANAGED_BY_VALUE},${INSTANCE_LABEL}=${this.instanceId}`,
        500,
        continueToken,
      ),
    );
  }

  /** Ids of the objects of Lookout's kinds labelled as managed by Lookout, in all namespaces. */
  private async listManaged(): Promise<Set<string>> {
    const ids = new Set<string>();
    for (const { apiVersion, kind } of GENERATED_KINDS) {
      let continueToken: string | undefined;
      do {
        let list;
        try {
          list = await this.listPage(apiVersion, kind, continueToken);
        } catch (error) {
          if (statusCode(error) === 404) {
            break; // the CRD is not installed: nothing of this kind to prune
          }
          throw describeError('listing', `${apiVersion}/${kind}`, error);
        }
        for (const item of list.items) {
          ids.add(
            manifestId({
              apiVersion,
              kind,
              metadata: {
                name: item.metadata!.name!,
                namespace: item.metadata?.namespace,
              },
            }),
          );
        }
        continueToken = list.metadata?._continue;
      } while (continueToken);
    }
    return ids;
  }
}
