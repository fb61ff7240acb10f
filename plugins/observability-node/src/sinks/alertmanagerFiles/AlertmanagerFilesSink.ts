/*
 * The `alertmanager-files` sink: the complete configuration of a plain Alertmanager
 * (`<directory>/alertmanager.yaml`, the prometheus format's file), kept in step with the catalog.
 * The reconciler hands it the owning teams' routing like entities; each team's routes are kept
 * as `<directory>/owners/<slug>.json` (so that a restart, a removal or a full sync needs no other
 * state), and the configuration is written again from them, atomically, after every change; then
 * `POST <reloadUrl>` (Alertmanager's `/-/reload`). Entities without routing have nothing here.
 */
import path from 'node:path';
import {
  assembleRoutingPlan,
  RouteOwner,
} from '@lookout/plugin-observability-common';
import { AlertingOptions } from '../../render/alertmanager/alertingOptions';
import { renderAlertmanagerYaml } from '../../render/alertmanager/alertmanagerYaml';
import { alertmanagerConfigFile } from '../../render/output/prometheusFiles';
import { toStableJson } from '../../render/output/serialize';
import { nodeSinkFileSystem, SinkFileSystem } from '../fs/SinkFileSystem';
import { writeFileAtomic } from '../fs/writeFileAtomic';
import { runEntityChanges } from '../entityRunner';
import { ProvisioningSink, SinkApplyResult, SinkChanges } from '../types';

/** Options of {@link AlertmanagerFilesSink}. @public */
export interface AlertmanagerFilesSinkOptions {
  name?: string;
  /** Folder Alertmanager reads `alertmanager.yaml` from (`--config.file`). */
  directory: string;
  /** `POST` here after a change, e.g. `http://localhost:9093/-/reload`. */
  reloadUrl?: string;
  alerting: AlertingOptions;
  fileSystem?: SinkFileSystem;
}

const OWNERS = 'owners';
const CONFIG_FILE = 'alertmanager.yaml';

/** Writes a plain Alertmanager's configuration from the teams' routing, then reloads it. @public */
export class AlertmanagerFilesSink implements ProvisioningSink {
  readonly type = 'alertmanager-files';
  readonly name: string;
  private readonly fs: SinkFileSystem;
  private readonly dir: string;

  constructor(private readonly options: AlertmanagerFilesSinkOptions) {
    this.name = options.name ?? 'alertmanager-files';
    this.fs = options.fileSystem ?? nodeSinkFileSystem;
    this.dir = path.resolve(options.directory);
  }

  private ownerFile(slug: string): string {
    return path.join(this.dir, OWNERS, `${slug}.json`);
  }

  async apply(changes: SinkChanges): Promise<SinkApplyResult> {
    await this.fs.mkdir(path.join(this.dir, OWNERS));
    let changed = false;
    const outcomes = await runEntityChanges(changes, {
      upsert: async upsert => {
        const owner = upsert.render.routing;
        if (!owner) {
          return { objects: [], changed: false };
        }
        const file = this.ownerFile(upsert.slug);
        const content = toStableJson(owner);
        const same = (await this.fs.readFile(file)) === content;
        if (!same) {
          await writeFileAtomic(this.fs, file, content);
          changed = true;
        }
        return { objects: [`${OWNERS}/${upsert.slug}.json`], changed: !same };
      },
      remove: async ({ slug }) => {
        const had =
          (await this.fs.readFile(this.ownerFile(slug))) !== undefined;
        if (had) {
          await this.fs.rm(this.ownerFile(slug));
          changed = true;
        }
        return { changed: had };
      },
    });
    const pruned: string[] = [];
    if (changes.keep) {
      const wanted = new Set(
        [...changes.keep, ...changes.upserts].map(e => `${e.slug}.json`),
      );
      for (const entry of await this.fs.readdir(path.join(this.dir, OWNERS))) {
        if (
          !entry.directory &&
          entry.name.endsWith('.json') &&
          !wanted.has(entry.name)
        ) {
          await this.fs.rm(path.join(this.dir, OWNERS, entry.name));
          pruned.push(`${OWNERS}/${entry.name}`);
        }
      }
    }
    const configFile = path.join(this.dir, CONFIG_FILE);
    if (
      changed ||
      pruned.length > 0 ||
      (await this.fs.readFile(configFile)) === undefined
    ) {
      await writeFileAtomic(this.fs, configFile, await this.configuration());
      await this.reload(changes.signal);
    }
    return { outcomes, pruned };
  }

  /** The configuration from every owner file. */
  private async configuration(): Promise<string> {
    const owners: RouteOwner[] = [];
    for (const entry of await this.fs.readdir(path.join(this.dir, OWNERS))) {
      if (!entry.directory && entry.name.endsWith('.json')) {
        const text = await this.fs.readFile(
          path.join(this.dir, OWNERS, entry.name),
        );
        if (text !== undefined) {
          owners.push(JSON.parse(text) as RouteOwner);
        }
      }
    }
    const { alerting } = this.options;
    return alertmanagerConfigFile(
      renderAlertmanagerYaml(
        assembleRoutingPlan(owners, alerting.settings),
        alerting,
      ),
    ).content;
  }

  private async reload(signal?: AbortSignal): Promise<void> {
    if (!this.options.reloadUrl) {
      return;
    }
    const response = await fetch(this.options.reloadUrl, {
      method: 'POST',
      signal,
    });
    if (!response.ok) {
      throw new Error(
        `Alertmanager rejected the reload (${response.status}): ${(
          await response.text()
        ).trim()}`,
      );
    }
  }
}
