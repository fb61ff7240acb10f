/*
 * `lookout render` without the command line: renders the catalog entity by entity into an output
 * folder (or compares it, for --check), then writes the top-level files and prunes what Lookout no
 * longer produces. Memory stays flat: an entity's render is dropped once its files are queued.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { isObservabilityAvailable } from '@lookout/plugin-observability-common';
import {
  renderAlertmanagerConfigs,
  renderAlertmanagerYaml,
} from '../render/alertmanager';
import {
  operatorEntityFiles,
  operatorRootKustomization,
} from '../render/output/operatorFiles';
import {
  alertmanagerConfigFile,
  ruleFilePath,
} from '../render/output/prometheusFiles';
import { RenderParts } from '../render/renderEntity';
import { dashboardUid } from '../render/rules';
import { entityNameProblem, entitySlug } from '../render/scrape/entitySlug';
import { OutputFormat, RenderInput } from '../render/types';
import { DEFAULT_INSTANCE_ID } from '../render/output/generatedNotice';
import { generatedFileInstance } from '../sinks/ownership';
import { EntityFiles, entityFiles } from './entityFiles';
import { formatProblem } from './formatProblem';
import { OutputFolder, OutputReport } from './outputDirectory';
import { CatalogEntity } from './readCatalog';
import { CliSettings } from './readSettings';
import { isInvalid, renderCatalog } from './renderCatalog';
import { renderInWorkers, renderWorkerCount } from './renderWorkers';
import { catalogRouting } from './routingProblems';

/** Where and how to render. */
export interface RenderTarget {
  outDir: string;
  format: OutputFormat;
  /** Compare only, write nothing. */
  check: boolean;
  /** Folder that paths in messages are relative to. */
  base?: string;
  /**
   * Worker threads to render with (0: on the main thread). Default: by the size of the catalog
   * (see `renderWorkerCount`); the output is the same either way.
   */
  workers?: number;
}

/** The outcome of a render run. */
export interface RenderRun {
  /** Problem lines, in catalog order. */
  lines: string[];
  entities: number;
  rendered: number;
  /** Whether any entity has an error. */
  failed: boolean;
  report: OutputReport;
  /** Milliseconds spent on the output folder. */
  ioMilliseconds: number;
}

/** Paths of the output that belong to entities not rendered this run. */
function keptPaths(
  format: OutputFormat,
  invalidRefs: string[],
): (rel: string) => boolean {
  const slugs = invalidRefs.map(entitySlug);
  if (format === 'operator') {
    const prefixes = slugs.map(slug => `${slug}/`);
    return rel => prefixes.some(prefix => rel.startsWith(prefix));
  }
  const exact = new Set<string>();
  const testPrefixes: string[] = [];
  invalidRefs.forEach((ref, i) => {
    exact.add(ruleFilePath(slugs[i]));
    exact.add(`targets/${slugs[i]}.json`);
    exact.add(`dashboards/${dashboardUid(ref)}.json`);
    testPrefixes.push(`tests/${slugs[i]}.`);
  });
  return rel => exact.has(rel) || testPrefixes.some(p => rel.startsWith(p));
}

/** The folders of invalid entities that hold a kustomization from an earlier run. */
async function keptFolders(
  outDir: string,
  invalidRefs: string[],
): Promise<string[]> {
  const found: string[] = [];
  for (const slug of invalidRefs.map(entitySlug)) {
    try {
      await fs.access(path.join(outDir, slug, 'kustomization.yaml'));
      found.push(slug);
    } catch {
      // never rendered: nothing to keep
    }
  }
  return found;
}

/**
 * The entity folders of other installations (`observability.instanceId`) sharing the output
 * folder: the parent kustomization keeps listing them, and nothing of theirs is touched.
 */
async function foreignFolders(
  outDir: string,
  instanceId: string,
): Promise<string[]> {
  let entries;
  try {
    entries = await fs.readdir(outDir, { withFileTypes: true });
  } catch {
    return [];
  }
  const found: string[] = [];
  for (const entry of entries) {
    if (!entry.isDirectory() || entry.name.startsWith('.')) {
      continue;
    }
    let content: string;
    try {
      content = await fs.readFile(
        path.join(outDir, entry.name, 'kustomization.yaml'),
        'utf8',
      );
    } catch {
      continue;
    }
    const owner = generatedFileInstance('yaml', content);
    if (owner !== undefined && owner !== instanceId) {
      found.push(entry.name);
    }
  }
  return found;
}

/** The catalog's entities with their files, rendered on the main thread or by workers. */
async function* catalogFiles(
  entities: CatalogEntity[],
  settings: CliSettings,
  target: RenderTarget,
): AsyncGenerator<EntityFiles> {
  const parts: RenderParts = { ruleTests: target.format === 'prometheus' };
  const workers =
    target.workers ??
    renderWorkerCount(
      entities.filter(item => isObservabilityAvailable(item.entity)).length,
    );
  if (workers > 0) {
    yield* renderInWorkers(entities, settings, {
      format: target.format,
      parts,
      base: target.base,
      workers,
    });
    return;
  }
  for await (const outcome of renderCatalog(entities, settings, {
    parts,
    base: target.base,
  })) {
    yield entityFiles(outcome, target.format, settings);
  }
}

/**
 * Renders the entities into `target.outDir` in `target.format`. Entities with errors are not
 * written; the files they have from an earlier run are kept (and their folder stays listed).
 */
export async function renderToFolder(
  entities: CatalogEntity[],
  settings: CliSettings,
  target: RenderTarget,
): Promise<RenderRun> {
  const outDir = path.resolve(target.outDir);
  const instanceId = settings.renderOptions.instanceId ?? DEFAULT_INSTANCE_ID;
  const folder = new OutputFolder(outDir, target.format, {
    check: target.check,
    instanceId,
  });
  const lines: string[] = [];
  const invalid: string[] = [];
  const folders: string[] = [];
  const inputs: RenderInput[] = [];
  let count = 0;
  let notRendered = 0;
  for await (const outcome of catalogFiles(entities, settings, target)) {
    count += 1;
    lines.push(
      ...outcome.problems.map(p => formatProblem(outcome.entityRef, p)),
    );
    if (isInvalid(outcome) || !outcome.files) {
      // An entity whose ref cannot be named has no files to keep either.
      if (!entityNameProblem(outcome.entityRef)) {
        invalid.push(outcome.entityRef);
      }
      notRendered += 1;
      continue;
    }
    if (target.format === 'operator' && outcome.files.length > 0) {
      folders.push(outcome.slug!);
    }
    inputs.push(outcome.input!);
    for (const file of outcome.files) {
      folder.put(file);
    }
  }
  // Routing: the owners' Groups say where the alerts of the rendered entities go.
  const routing = catalogRouting(entities, inputs, settings);
  const plan = routing.plan;
  lines.push(...routing.lines);
  if (target.format === 'operator') {
    for (const render of renderAlertmanagerConfigs(
      plan,
      settings.alerting,
      settings.renderOptions,
    )) {
      folders.push(render.slug);
      for (const file of operatorEntityFiles(render)) {
        folder.put(file);
      }
    }
  }
  // The top-level file names the entity folders: written once they are complete.
  folder.put(
    target.format === 'operator'
      ? operatorRootKustomization([
          ...folders,
          ...(await keptFolders(outDir, invalid)),
          ...(await foreignFolders(outDir, instanceId)),
        ])
      : alertmanagerConfigFile(renderAlertmanagerYaml(plan, settings.alerting)),
  );
  folder.prune(keptPaths(target.format, invalid));
  return {
    lines,
    entities: count,
    rendered: count - notRendered,
    failed: notRendered > 0 || routing.failed,
    report: folder.report,
    ioMilliseconds: folder.ioMilliseconds,
  };
}
