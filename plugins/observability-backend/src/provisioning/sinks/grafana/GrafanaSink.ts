/*
 * The `grafana` sink: each entity's dashboard through Grafana's HTTP API, with its stable uid, in
 * the folder of its owner (created when missing), `overwrite: true`. The folder uid is always
 * sent: Grafana moves a dashboard saved without `folderUid` to the root folder. Only dashboards
 * that this installation generated (tag `lookout` and Lookout's description naming its
 * `observability.instanceId`) are ever overwritten or deleted; each also carries the tag
 * `lookout-instance:<instanceId>`. A dashboard of the same uid that is someone else's is left
 * alone and the entity reports it.
 */
import {
  applyPerEntity,
  DASHBOARD_TAG,
  DEFAULT_INSTANCE_ID,
  noticeInstance,
  ProvisioningSink,
  SinkApplyResult,
  SinkChanges,
} from '@lookout/plugin-observability-node';
import { GrafanaClient } from './GrafanaClient';
import { folderTitle, folderUid } from './folderUid';

/** Options of {@link GrafanaSink}. */
export interface GrafanaSinkOptions {
  name?: string;
  client: GrafanaClient;
  /** Folder title; `{{owner}}` is replaced by the entity's owner. Default `{{owner}}`. */
  folder?: string;
  /** Folder of dashboards whose entity names no owner. Default `Lookout`. */
  defaultFolder?: string;
  /** The installation (`observability.instanceId`) whose dashboards this sink may change. */
  instanceId?: string;
}

const DASHBOARD_PREFIX = 'dashboard:';
const FOLDER_PREFIX = 'folder:';

function dashboardUids(objects: string[]): string[] {
  return objects
    .filter(o => o.startsWith(DASHBOARD_PREFIX))
    .map(o => o.slice(DASHBOARD_PREFIX.length));
}

/** The owner tag of a generated dashboard model. */
function ownerOf(model: object): string | undefined {
  const tags = (model as { tags?: unknown }).tags;
  return Array.isArray(tags)
    ? tags.find(
        (t): t is string =>
          typeof t === 'string' &&
          t !== DASHBOARD_TAG &&
          !t.startsWith('lookout-instance:'),
      )
    : undefined;
}

/** Provisions dashboards into Grafana. */
export class GrafanaSink implements ProvisioningSink {
  readonly type = 'grafana';
  readonly name: string;
  private readonly client: GrafanaClient;
  private readonly folderTemplate: string;
  private readonly defaultFolder: string;
  private readonly instanceId: string;

  constructor(options: GrafanaSinkOptions) {
    this.name = options.name ?? 'grafana';
    this.client = options.client;
    this.folderTemplate = options.folder ?? '{{owner}}';
    this.defaultFolder = options.defaultFolder ?? 'Lookout';
    this.instanceId = options.instanceId ?? DEFAULT_INSTANCE_ID;
  }

  /** The installation that generated a stored dashboard, or undefined when Lookout did not. */
  private static ownerOfStored(dashboard: {
    tags?: string[];
    description?: string;
  }): string | undefined {
    const { tags = [], description = '' } = dashboard;
    return tags.includes(DASHBOARD_TAG)
      ? noticeInstance(description)
      : undefined;
  }

  async apply(changes: SinkChanges): Promise<SinkApplyResult> {
    const folders = new Map<string, Promise<void>>();
    const ensureFolder = (uid: string, title: string) => {
      let created = folders.get(uid);
      if (!created) {
        created = (async () => {
          if (!(await this.client.folderExists(uid))) {
            await this.client.createFolder(uid, title);
          }
        })();
        // A failure is the entity's; the next entity of the folder tries again.
        created.catch(() => folders.delete(uid));
        folders.set(uid, created);
      }
      return created;
    };

    return applyPerEntity(changes, {
      upsert: async ({ entityRef, render, previousObjects }) => {
        const objects: string[] = [];
        if (render.dashboard) {
          const title = folderTitle(
            this.folderTemplate,
            ownerOf(render.dashboard.model),
            this.defaultFolder,
          );
          const uid = folderUid(title);
          const existing = await this.client.getDashboard(render.dashboard.uid);
          const owner =
            existing && GrafanaSink.ownerOfStored(existing.dashboard);
          if (existing && owner !== this.instanceId) {
            throw new Error(
              `dashboard ${
                render.dashboard.uid
              } exists and was not provisioned by this Lookout installation (instance ${
                this.instanceId
              }${
                owner ? `; it belongs to instance ${owner}` : ''
              }); it is not overwritten`,
            );
          }
          await ensureFolder(uid, title);
          const model = render.dashboard.model as { tags?: string[] };
          await this.client.saveDashboard(
            {
              ...render.dashboard.model,
              uid: render.dashboard.uid,
              tags: [
                ...(model.tags ?? []),
                `lookout-instance:${this.instanceId}`,
              ],
            },
            uid,
            `Provisioned by Lookout for ${entityRef}`,
          );
          objects.push(
            `${DASHBOARD_PREFIX}${render.dashboard.uid}`,
            `${FOLDER_PREFIX}${uid}`,
          );
        }
        for (const stale of dashboardUids(previousObjects)) {
          if (stale !== render.dashboard?.uid) {
            await this.deleteIfGenerated(stale);
          }
        }
        return { objects, changed: true };
      },
      remove: async removal => {
        for (const uid of dashboardUids(removal.previousObjects)) {
          await this.deleteIfGenerated(uid);
        }
        return { changed: true };
      },
      // Ids are the `dashboard:<uid>` objects; folders are never pruned.
      keptIds: keep => keep.objects.filter(o => o.startsWith(DASHBOARD_PREFIX)),
      upsertIds: ({ render }) =>
        render.dashboard ? [`${DASHBOARD_PREFIX}${render.dashboard.uid}`] : [],
      listPresent: async () =>
        new Set(
          (await this.client.searchDashboardUids(DASHBOARD_TAG)).map(
            uid => `${DASHBOARD_PREFIX}${uid}`,
          ),
        ),
      prune: id => this.deleteIfGenerated(id.slice(DASHBOARD_PREFIX.length)),
    });
  }

  /** Deletes the dashboard if Lookout generated it; returns whether it did. */
  private async deleteIfGenerated(uid: string): Promise<boolean> {
    const existing = await this.client.getDashboard(uid);
    if (!existing) {
      return false;
    }
    if (GrafanaSink.ownerOfStored(existing.dashboard) !== this.instanceId) {
      return false;
    }
    await this.client.deleteDashboard(uid);
    return true;
  }
}
