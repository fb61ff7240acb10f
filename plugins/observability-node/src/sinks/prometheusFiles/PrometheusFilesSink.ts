/*
 * The `prometheus-files` sink: rule files and file_sd target files in the folders a plain
 * Prometheus reads (optionally dashboard JSON for Grafana's file provisioning), then
 * `POST /-/reload`.
 *
 * Every file is replaced atomically, and the previous content is kept beside it
 * (`.<name>.lookout-previous`, or an `.<name>.lookout-absent` marker) until Prometheus has accepted
 * the reload. When Prometheus rejects it, the previous files are put back and the batch is split
 * in halves and retried, so that one entity's broken rules never hold back the others. Backups left
 * by a killed run are restored at the start of the next one: the files on disk are always ones
 * Prometheus accepted, or ones it has not been asked about yet.
 */
import path from 'node:path';
import { toPrometheusFiles } from '../../render/output/prometheusFiles';
import { EntityRender } from '../../render/types';
import { nodeSinkFileSystem, SinkFileSystem } from '../fs/SinkFileSystem';
import { isOwnTempFile, writeFileAtomic } from '../fs/writeFileAtomic';
import { DEFAULT_INSTANCE_ID } from '../../render/output/generatedNotice';
import { GeneratedFileKind, isGeneratedFile } from '../ownership';
import { runEntityChanges } from '../entityRunner';
import {
  ProvisioningSink,
  SinkApplyResult,
  SinkChanges,
  SinkEntityOutcome,
  SinkUpsert,
} from '../types';
import {
  PrometheusReloadRejectedError,
  reloadPrometheus,
} from './reloadPrometheus';

/** Options of {@link PrometheusFilesSink}. @public */
export interface PrometheusFilesSinkOptions {
  name?: string;
  /**
   * The installation (`observability.instanceId`) whose files this sink may replace or delete;
   * `default` when absent. Files of other installations sharing the folders are left alone.
   */
  instanceId?: string;
  /** Folder of the rule files (`rule_files: [<folder>/*.yaml]`). */
  rulesDirectory: string;
  /** Folder of the file_sd files (`file_sd_configs: [{ files: [<folder>/*.json] }]`). */
  targetsDirectory?: string;
  /** Folder of dashboard JSON files for Grafana's file provisioning. */
  dashboardsDirectory?: string;
  /**
   * Folder of the promtool test files of renders that carry them (the CLI's prometheus format
   * writes them; the backend renders without).
   */
  testsDirectory?: string;
  /** `POST` here after a change, e.g. `http://localhost:9090/-/reload`. */
  reloadUrl?: string;
  /** Headers of the reload request. */
  reloadHeaders?: Record<string, string>;
  /** Milliseconds before a reload counts as failed. Default 30 000. */
  reloadTimeoutMs?: number;
  /** File operations; the real file system by default. */
  fileSystem?: SinkFileSystem;
}

type Role = 'rules' | 'targets' | 'dashboards' | 'tests';

const ROLES: Record<Role, { kind: GeneratedFileKind; extension: string }> = {
  rules: { kind: 'yaml', extension: '.yaml' },
  targets: { kind: 'targets', extension: '.json' },
  dashboards: { kind: 'dashboard', extension: '.json' },
  tests: { kind: 'yaml', extension: '.yaml' },
};

const PREVIOUS_SUFFIX = '.lookout-previous';
const ABSENT_SUFFIX = '.lookout-absent';

/** A file of the sink: `key` is `<role>/<name>`, as reported in the entity's objects. */
interface FileChange {
  key: string;
  file: string;
  /** New content; undefined deletes the file. */
  content?: string;
}

interface EntityPlan {
  entityRef: string;
  changes: FileChange[];
  objects: string[];
}

function roleOf(key: string): Role | undefined {
  const role = key.slice(0, key.indexOf('/'));
  return role in ROLES ? (role as Role) : undefined;
}

function backupPaths(file: string) {
  const dir = path.dirname(file);
  const base = path.basename(file);
  return {
    previous: path.join(dir, `.${base}${PREVIOUS_SUFFIX}`),
    absent: path.join(dir, `.${base}${ABSENT_SUFFIX}`),
  };
}

function halves<T>(items: T[]): [T[], T[]] {
  const middle = Math.ceil(items.length / 2);
  return [items.slice(0, middle), items.slice(middle)];
}

/**
 * Writes the plain Prometheus format into Prometheus' folders and reloads it, restoring the
 * previous files when Prometheus rejects the new ones.
 *
 * @public
 */
export class PrometheusFilesSink implements ProvisioningSink {
  readonly type = 'prometheus-files';
  readonly name: string;
  private readonly fs: SinkFileSystem;
  private readonly dirs: Partial<Record<Role, string>>;
  private readonly instanceId: string;

  constructor(private readonly options: PrometheusFilesSinkOptions) {
    this.name = options.name ?? 'prometheus-files';
    this.instanceId = options.instanceId ?? DEFAULT_INSTANCE_ID;
    this.fs = options.fileSystem ?? nodeSinkFileSystem;
    this.dirs = {
      rules: path.resolve(options.rulesDirectory),
      targets:
        options.targetsDirectory && path.resolve(options.targetsDirectory),
      dashboards:
        options.dashboardsDirectory &&
        path.resolve(options.dashboardsDirectory),
      tests: options.testsDirectory && path.resolve(options.testsDirectory),
    };
  }

  /** The sink's files of a render, by key (`rules/<slug>.yaml`, ...). */
  entityFiles(render: EntityRender): Map<string, string> {
    const files = new Map<string, string>();
    for (const file of toPrometheusFiles([render])) {
      const role = roleOf(file.path);
      if (role && this.dirs[role]) {
        files.set(file.path, file.content);
      }
    }
    return files;
  }

  private fileOf(key: string): string | undefined {
    const role = roleOf(key);
    const dir = role && this.dirs[role];
    return dir ? path.join(dir, key.slice(key.indexOf('/') + 1)) : undefined;
  }

  async apply(changes: SinkChanges): Promise<SinkApplyResult> {
    for (const dir of Object.values(this.dirs)) {
      if (dir && (await this.fs.readdir(dir)).length === 0) {
        await this.fs.mkdir(dir);
      }
    }
    if (await this.restoreUnconfirmed()) {
      await this.reload(changes.signal).catch(() => undefined);
    }

    const plans: EntityPlan[] = [];
    // An entity with files to change is reported after the reload (it may still be rejected).
    const planned = (plan: EntityPlan) => {
      if (plan.changes.length === 0) {
        return { objects: plan.objects, changed: false };
      }
      plans.push(plan);
      return undefined;
    };
    // Each upsert's file names, for the prune below: its files are serialised once per batch.
    const upsertKeys = new Map<SinkUpsert, string[]>();
    const outcomes = await runEntityChanges(changes, {
      upsert: async upsert => {
        const desired = this.entityFiles(upsert.render);
        upsertKeys.set(upsert, [...desired.keys()]);
        const removed = upsert.previousObjects.filter(key => !desired.has(key));
        return planned(await this.plan(upsert.entityRef, desired, removed));
      },
      remove: async removal => {
        const canonical = [
          `rules/${removal.slug}.yaml`,
          `targets/${removal.slug}.json`,
        ];
        const keys = [...new Set([...removal.previousObjects, ...canonical])];
        return planned(await this.plan(removal.entityRef, new Map(), keys));
      },
    });

    let pruned: string[] = [];
    let drifted: string[] | undefined;
    if (changes.keep) {
      const wanted = new Set<string>();
      for (const upsert of changes.upserts) {
        const keys =
          upsertKeys.get(upsert) ?? this.entityFiles(upsert.render).keys();
        for (const key of keys) {
          wanted.add(key);
        }
      }
      changes.keep.forEach(keep =>
        keep.objects.forEach(key => wanted.add(key)),
      );
      const prune = await this.orphans(wanted);
      pruned = prune.changes.map(change => change.key);
      if (prune.changes.length > 0) {
        plans.push(prune);
      }
      drifted = await this.missing(changes.keep);
    }

    for (const outcome of await this.applyGroup(plans, changes.signal)) {
      if (outcome.entityRef !== '') {
        outcomes.push(outcome);
      }
    }
    return { outcomes, pruned, drifted };
  }

  /** The changes that bring an entity's files to `desired` and delete its `removed` files. */
  private async plan(
    entityRef: string,
    desired: Map<string, string>,
    removed: string[],
  ): Promise<EntityPlan> {
    const changes: FileChange[] = [];
    for (const [key, content] of desired) {
      const file = this.fileOf(key)!;
      const current = await this.fs.readFile(file);
      if (current === content) {
        continue;
      }
      if (
        current !== undefined &&
        !isGeneratedFile(ROLES[roleOf(key)!].kind, current, this.instanceId)
      ) {
        throw new Error(
          `${file} exists and was not generated by this Lookout installation (instance ${this.instanceId}); it is left alone`,
        );
      }
      changes.push({ key, file, content });
    }
    for (const key of removed) {
      const file = this.fileOf(key);
      const role = roleOf(key);
      if (!file || !role) {
        continue;
      }
      const current = await this.fs.readFile(file);
      if (
        current !== undefined &&
        isGeneratedFile(ROLES[role].kind, current, this.instanceId)
      ) {
        changes.push({ key, file });
      }
    }
    return { entityRef, changes, objects: [...desired.keys()].sort() };
  }

  /** Lookout's files that no wanted entity owns, as one plan (entity ref ''). */
  private async orphans(wanted: Set<string>): Promise<EntityPlan> {
    const changes: FileChange[] = [];
    for (const role of Object.keys(ROLES) as Role[]) {
      const dir = this.dirs[role];
      if (!dir) {
        continue;
      }
      for (const entry of await this.fs.readdir(dir)) {
        const key = `${role}/${entry.name}`;
        if (entry.directory || entry.name.startsWith('.') || wanted.has(key)) {
          continue;
        }
        if (!entry.name.endsWith(ROLES[role].extension)) {
          continue;
        }
        const file = path.join(dir, entry.name);
        const content = await this.fs.readFile(file);
        if (
          content !== undefined &&
          isGeneratedFile(ROLES[role].kind, content, this.instanceId)
        ) {
          changes.push({ key, file });
        }
      }
    }
    return { entityRef: '', changes, objects: [] };
  }

  /** Kept entities with a file missing on disk. */
  private async missing(
    keep: NonNullable<SinkChanges['keep']>,
  ): Promise<string[]> {
    const present = new Set<string>();
    for (const role of Object.keys(ROLES) as Role[]) {
      const dir = this.dirs[role];
      if (dir) {
        for (const entry of await this.fs.readdir(dir)) {
          present.add(`${role}/${entry.name}`);
        }
      }
    }
    return keep
      .filter(k => k.objects.some(key => this.fileOf(key) && !present.has(key)))
      .map(k => k.entityRef);
  }

  /**
   * Applies the plans and reloads; on a rejected reload restores the previous files and retries
   * each half on its own, down to the single entity that Prometheus rejects.
   */
  private async applyGroup(
    plans: EntityPlan[],
    signal?: AbortSignal,
  ): Promise<SinkEntityOutcome[]> {
    if (plans.length === 0) {
      return [];
    }
    signal?.throwIfAborted();
    const outcomes: SinkEntityOutcome[] = [];
    const written: EntityPlan[] = [];
    for (const plan of plans) {
      try {
        await this.write(plan);
        written.push(plan);
      } catch (error) {
        await this.restore(plan.changes);
        outcomes.push({
          entityRef: plan.entityRef,
          ok: false,
          error: error as Error,
        });
      }
    }
    if (written.length === 0) {
      return outcomes;
    }
    try {
      await this.reload(signal);
    } catch (error) {
      for (const plan of written) {
        await this.restore(plan.changes);
      }
      await this.reload(signal).catch(() => undefined);
      // Only a rejection is worth narrowing down; an unreachable Prometheus fails the whole batch.
      if (
        written.length === 1 ||
        !(error instanceof PrometheusReloadRejectedError)
      ) {
        return [
          ...outcomes,
          ...written.map(plan => ({
            entityRef: plan.entityRef,
            ok: false as const,
            error: error as Error,
          })),
        ];
      }
      const [first, second] = halves(written);
      return [
        ...outcomes,
        ...(await this.applyGroup(first, signal)),
        ...(await this.applyGroup(second, signal)),
      ];
    }
    for (const plan of written) {
      await this.confirm(plan.changes);
      outcomes.push({
        entityRef: plan.entityRef,
        ok: true,
        objects: plan.objects,
        changed: true,
      });
    }
    return outcomes;
  }

  private async reload(signal?: AbortSignal): Promise<void> {
    if (this.options.reloadUrl) {
      await reloadPrometheus(this.options.reloadUrl, {
        headers: this.options.reloadHeaders,
        timeoutMs: this.options.reloadTimeoutMs,
        signal,
      });
    }
  }

  /** Keeps each file's previous state beside it, then writes or deletes it. */
  private async write(plan: EntityPlan): Promise<void> {
    for (const change of plan.changes) {
      const backup = backupPaths(change.file);
      const hasBackup =
        (await this.fs.readFile(backup.previous)) !== undefined ||
        (await this.fs.readFile(backup.absent)) !== undefined;
      if (!hasBackup) {
        const current = await this.fs.readFile(change.file);
        if (current === undefined) {
          await writeFileAtomic(this.fs, backup.absent, '', this.instanceId);
        } else {
          await writeFileAtomic(
            this.fs,
            backup.previous,
            current,
            this.instanceId,
          );
        }
      }
      if (change.content === undefined) {
        await this.fs.rm(change.file);
      } else {
        await writeFileAtomic(
          this.fs,
          change.file,
          change.content,
          this.instanceId,
        );
      }
    }
  }

  /** Puts each file's previous state back and drops the backups. */
  private async restore(changes: FileChange[]): Promise<void> {
    for (const { file } of changes) {
      await this.restoreFile(file);
    }
  }

  private async restoreFile(file: string): Promise<void> {
    const backup = backupPaths(file);
    const previous = await this.fs.readFile(backup.previous);
    if (previous !== undefined) {
      await writeFileAtomic(this.fs, file, previous, this.instanceId);
      await this.fs.rm(backup.previous);
    } else if ((await this.fs.readFile(backup.absent)) !== undefined) {
      await this.fs.rm(file);
      await this.fs.rm(backup.absent);
    }
  }

  /** Drops the backups of files Prometheus accepted. */
  private async confirm(changes: FileChange[]): Promise<void> {
    for (const { file } of changes) {
      const backup = backupPaths(file);
      await this.fs.rm(backup.previous);
      await this.fs.rm(backup.absent);
    }
  }

  /**
   * Restores the files a killed run changed without confirmation, and removes temporary files.
   * Returns whether anything was restored.
   */
  private async restoreUnconfirmed(): Promise<boolean> {
    let restored = false;
    for (const dir of Object.values(this.dirs)) {
      if (!dir) {
        continue;
      }
      for (const entry of await this.fs.readdir(dir)) {
        const { name } = entry;
        const suffix = [PREVIOUS_SUFFIX, ABSENT_SUFFIX].find(s =>
          name.endsWith(s),
        );
        if (suffix && name.startsWith('.')) {
          await this.restoreFile(path.join(dir, name.slice(1, -suffix.length)));
          restored = true;
        } else if (isOwnTempFile(name, this.instanceId)) {
          await this.fs.rm(path.join(dir, name));
        }
      }
    }
    return restored;
  }
}
