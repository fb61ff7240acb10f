/*
 * The `kustomize` sink: the operator format in a folder that GitOps (a CI commit, Argo CD, Flux)
 * deploys. Crash-safe at every step: the parent kustomization only ever names complete folders,
 * and each entity's objects render either all old or all new.
 *
 * How a changed entity is replaced without an atomic folder swap: the new folder is staged as
 * `.lookout-next.<slug>`, the parent is switched to the staged folder (one atomic rename: now the
 * new state is live), the old folder is rebuilt from the staged one, the parent is switched back,
 * and the staged folder is removed. New entities appear by renaming a complete folder into place
 * before the parent lists them; removed ones leave the parent before their folder is deleted. A
 * run that was killed midway is finished by the next one.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { DEFAULT_INSTANCE_ID } from '../../render/output/generatedNotice';
import { generatedFileInstance } from '../ownership';
import { OperatorLayoutOptions } from '../../render/output/operatorFiles';
import { DEFAULT_SINK_CONCURRENCY, mapConcurrently } from '../concurrency';
import { nodeSinkFileSystem, SinkFileSystem } from '../fs/SinkFileSystem';
import { isOwnTempFile, writeFileAtomic } from '../fs/writeFileAtomic';
import { runEntityChanges } from '../entityRunner';
import { ProvisioningSink, SinkApplyResult, SinkChanges } from '../types';
import { entityFolderFiles } from './entityFolderFiles';
import {
  KUSTOMIZATION_FILE,
  parentKustomization,
  readParentKustomization,
} from './parentKustomization';

/** Options of {@link KustomizeSink}. @public */
export interface KustomizeSinkOptions {
  name?: string;
  /**
   * The installation (`observability.instanceId`) whose folders this sink may replace or delete;
   * `default` when absent. Folders of other installations sharing the directory stay listed and
   * untouched.
   */
  instanceId?: string;
  /** The folder of the operator format (absolute, or relative to the working directory). */
  directory: string;
  /** Also write grafana-operator `GrafanaDashboard` objects. */
  grafanaOperator?: OperatorLayoutOptions['grafanaOperator'];
  /** File operations; the real file system by default. */
  fileSystem?: SinkFileSystem;
  /** Entities written at once. Default 16. */
  concurrency?: number;
}

const DASHBOARD_FILE = 'dashboard.json';
const STAGED_PREFIX = '.lookout-next.';
const TEMP_PREFIX = '.lookout-tmp.';

type FolderContent = Map<string, string>;

function sameContent(a: FolderContent, b: FolderContent): boolean {
  if (a.size !== b.size) {
    return false;
  }
  for (const [name, content] of a) {
    if (b.get(name) !== content) {
      return false;
    }
  }
  return true;
}

/** Whether a file of an entity folder is one Lookout writes there (`dashboard.json` has no header). */
function isGeneratedFolderFile(name: string, content: string): boolean {
  return (
    name === DASHBOARD_FILE ||
    (name.endsWith('.yaml') &&
      generatedFileInstance('yaml', content) !== undefined)
  );
}

/**
 * The installation that generated a folder, or undefined when Lookout did not generate all of
 * it: a folder that also holds someone else's file (a note beside the generated ones) is never
 * replaced or removed, so that file is never touched.
 */
function folderInstance(
  content: FolderContent | undefined,
): string | undefined {
  const kustomization = content?.get(KUSTOMIZATION_FILE);
  if (kustomization === undefined) {
    return undefined;
  }
  for (const [name, text] of content!) {
    if (!isGeneratedFolderFile(name, text)) {
      return undefined;
    }
  }
  return generatedFileInstance('yaml', kustomization);
}

/**
 * Writes the operator format into a folder, incrementally and crash-safely, and prunes only the
 * folders Lookout generated.
 *
 * @public
 */
export class KustomizeSink implements ProvisioningSink {
  readonly type = 'kustomize';
  readonly name: string;
  private readonly root: string;
  private readonly fs: SinkFileSystem;
  private readonly layout: OperatorLayoutOptions;
  private readonly concurrency: number;
  private readonly instanceId: string;
  private readonly tempPrefix: string;
  private readonly stagedPrefix: string;

  constructor(options: KustomizeSinkOptions) {
    this.name = options.name ?? 'kustomize';
    this.instanceId = options.instanceId ?? DEFAULT_INSTANCE_ID;
    // Temporary and staged folders carry the installation: another's are never cleaned up here.
    this.tempPrefix = `${TEMP_PREFIX}${this.instanceId}.`;
    this.stagedPrefix = `${STAGED_PREFIX}${this.instanceId}.`;
    this.root = path.resolve(options.directory);
    this.fs = options.fileSystem ?? nodeSinkFileSystem;
    this.layout = { grafanaOperator: options.grafanaOperator };
    this.concurrency = options.concurrency ?? DEFAULT_SINK_CONCURRENCY;
  }

  private stagedName(slug: string): string {
    return `${this.stagedPrefix}${slug}`;
  }

  private isOwn(content: FolderContent | undefined): boolean {
    return folderInstance(content) === this.instanceId;
  }

  async apply(changes: SinkChanges): Promise<SinkApplyResult> {
    const { fs } = this;
    if ((await fs.readdir(this.root)).length === 0) {
      await fs.mkdir(this.root);
    }
    const parentFile = path.join(this.root, KUSTOMIZATION_FILE);
    const parentText = await fs.readFile(parentFile);
    let listed =
      parentText === undefined
        ? []
        : readParentKustomization(parentText, parentFile);

    listed = await this.finishInterruptedRun(listed);
    const folders = new Set(
      (await fs.readdir(this.root))
        .filter(entry => entry.directory && !entry.name.startsWith('.'))
        .map(entry => entry.name),
    );

    const listedSet = new Set(listed);
    const additions = new Set<string>();
    const staged = new Map<string, FolderContent>();
    const deletions = new Set<string>();

    // Entities are independent until the commit: prepare them side by side.
    const outcomes = await runEntityChanges(
      changes,
      {
        upsert: async upsert => {
          const { slug } = upsert;
          const desired = entityFolderFiles(upsert.render, this.layout);
          const current = folders.has(slug)
            ? await this.readFolder(slug)
            : undefined;
          if (current !== undefined && !this.isOwn(current)) {
            const owner = folderInstance(current);
            throw new Error(
              owner === undefined
                ? `folder ${slug} exists and was not generated by Lookout; it is left alone`
                : `folder ${slug} belongs to Lookout instance ${owner}, not ${this.instanceId}; it is left alone`,
            );
          }
          if (desired.size === 0) {
            // Nothing to deploy any more (e.g. all annotations that produce objects were removed).
            if (current !== undefined) {
              deletions.add(slug);
            }
            return { objects: [], changed: current !== undefined };
          }
          const objects = [...desired.keys()]
            .sort()
            .map(name => `${slug}/${name}`);
          if (current !== undefined && sameContent(current, desired)) {
            if (!listedSet.has(slug)) {
              additions.add(slug);
            }
            return { objects, changed: !listedSet.has(slug) };
          }
          if (current !== undefined && listedSet.has(slug)) {
            await this.writeFolder(this.stagedName(slug), desired);
            staged.set(slug, desired);
          } else {
            if (current !== undefined) {
              // A Lookout folder that the parent does not list (left by a killed run).
              await this.removeFolder(slug);
            }
            await this.writeFolder(slug, desired);
            folders.add(slug);
            additions.add(slug);
          }
          return { objects, changed: true };
        },
        remove: async ({ slug }) => {
          const current = folders.has(slug)
            ? await this.readFolder(slug)
            : undefined;
          if (this.isOwn(current)) {
            deletions.add(slug);
          }
          return { changed: deletions.has(slug) };
        },
      },
      this.concurrency,
    );

    const pruned: string[] = [];
    const drifted: string[] = [];
    if (changes.keep) {
      const wanted = new Set([
        ...changes.keep.map(k => k.slug),
        ...changes.upserts.map(u => u.slug),
      ]);
      const candidates = [...folders].filter(
        f => !wanted.has(f) && !deletions.has(f),
      );
      await mapConcurrently(candidates, this.concurrency, async folder => {
        if (this.isOwn(await this.readFolder(folder))) {
          deletions.add(folder);
          pruned.push(folder);
        }
      });
      pruned.sort();
      for (const keep of changes.keep) {
        const missing = !folders.has(keep.slug) || !listedSet.has(keep.slug);
        if (keep.objects.length > 0 && missing) {
          drifted.push(keep.entityRef);
        }
      }
    }

    // Commit: the parent switches to the new folders (staged ones under their staged name) and
    // drops the deleted ones, in one atomic rename. Listed folders that vanished are dropped too,
    // so the parent never names a missing folder.
    const live = new Set(
      [...listed, ...additions].filter(
        f => folders.has(f) && !deletions.has(f),
      ),
    );
    const withStaged = [...live].map(f =>
      staged.has(f) ? this.stagedName(f) : f,
    );
    await this.writeParent(withStaged);

    await mapConcurrently([...deletions], this.concurrency, folder =>
      this.removeFolder(folder),
    );
    if (staged.size > 0) {
      await this.replaceStaged(staged);
      // Without staged folders the parent already lists the final names.
      await this.writeParent([...live]);
    }
    await mapConcurrently([...staged.keys()], this.concurrency, slug =>
      this.removeFolder(this.stagedName(slug)),
    );
    return { outcomes, pruned, drifted };
  }

  /**
   * Completes what a killed run left: staged folders the parent lists are moved to their final
   * names; temporary and unlisted staged folders are removed. Returns the parent's list.
   */
  private async finishInterruptedRun(listed: string[]): Promise<string[]> {
    const { fs } = this;
    const stagedListed = listed.filter(f => f.startsWith(this.stagedPrefix));
    let result = listed;
    if (stagedListed.length > 0) {
      const staged = new Map<string, FolderContent>();
      for (const name of stagedListed) {
        const content = await this.readFolder(name);
        if (content !== undefined) {
          staged.set(name.slice(this.stagedPrefix.length), content);
        }
      }
      await this.replaceStaged(staged);
      result = listed
        .map(f =>
          f.startsWith(this.stagedPrefix)
            ? f.slice(this.stagedPrefix.length)
            : f,
        )
        .filter(f => !f.startsWith(this.stagedPrefix));
      await this.writeParent(result);
    }
    for (const entry of await fs.readdir(this.root)) {
      const leftover =
        entry.name.startsWith(this.tempPrefix) ||
        entry.name.startsWith(this.stagedPrefix) ||
        (!entry.directory && isOwnTempFile(entry.name, this.instanceId));
      if (leftover) {
        await fs.rm(path.join(this.root, entry.name));
      }
    }
    return result;
  }

  /** Rebuilds each staged entity under its final name (unlisted while this runs). */
  private async replaceStaged(
    staged: Map<string, FolderContent>,
  ): Promise<void> {
    await mapConcurrently(
      [...staged],
      this.concurrency,
      async ([slug, content]) => {
        await this.removeFolder(slug);
        await this.writeFolder(slug, content);
      },
    );
  }

  /** Writes a complete folder under a temporary name, then renames it to `name`. */
  private async writeFolder(
    name: string,
    content: FolderContent,
  ): Promise<void> {
    const temp = path.join(
      this.root,
      `${this.tempPrefix}${name}.${randomBytes(6).toString('hex')}`,
    );
    await this.fs.mkdir(temp);
    for (const [file, text] of content) {
      await this.fs.writeFile(path.join(temp, file), text);
    }
    await this.fs.rename(temp, path.join(this.root, name));
  }

  private async readFolder(name: string): Promise<FolderContent | undefined> {
    const dir = path.join(this.root, name);
    const entries = await this.fs.readdir(dir);
    if (entries.length === 0) {
      return undefined;
    }
    const content: FolderContent = new Map();
    for (const entry of entries) {
      if (!entry.directory) {
        const text = await this.fs.readFile(path.join(dir, entry.name));
        if (text !== undefined) {
          content.set(entry.name, text);
        }
      }
    }
    return content;
  }

  /** Removes a folder: first renamed out of the way (atomic), so no half-deleted folder remains under its name. */
  private async removeFolder(name: string): Promise<void> {
    const from = path.join(this.root, name);
    const temp = path.join(
      this.root,
      `${this.tempPrefix}${name}.${randomBytes(6).toString('hex')}`,
    );
    try {
      await this.fs.rename(from, temp);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        return;
      }
      throw error;
    }
    await this.fs.rm(temp);
  }

  /** Writes the parent kustomization unless it already has this content. */
  private async writeParent(folders: string[]): Promise<void> {
    const file = path.join(this.root, KUSTOMIZATION_FILE);
    const content = parentKustomization(folders);
    if ((await this.fs.readFile(file)) !== content) {
      await writeFileAtomic(this.fs, file, content, this.instanceId);
    }
  }
}
