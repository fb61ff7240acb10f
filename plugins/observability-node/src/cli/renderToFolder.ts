/*
 * `lookout render` without the command line: renders the catalog and hands the renders to the
 * sink the backend writes the same format with (operator: the Kustomize sink; prometheus: the
 * Prometheus-files sink without a reload), in batches, then a last full-sync batch that prunes
 * what the catalog no longer produces. The CLI has no writer of its own: every write, removal
 * and the report of them comes from the sink (see `SinkOutput`).
 */
import path from 'node:path';
import {
  renderAlertmanagerConfigs,
  renderAlertmanagerYaml,
} from '../render/alertmanager';
import {
  alertmanagerConfigFile,
  ruleFilePath,
} from '../render/output/prometheusFiles';
import { dashboardUid } from '../render/rules';
import { entityNameProblem, entitySlug } from '../render/scrape/entitySlug';
import { EntityRender, OutputFormat, RenderInput } from '../render/types';
import { SinkKeep, SinkUpsert } from '../sinks/types';
import { formatProblem } from './formatProblem';
import { CatalogEntity } from './readCatalog';
import { CliSettings } from './readSettings';
import { isInvalid, renderCatalog } from './renderCatalog';
import { catalogRouting } from './routingProblems';
import { OutputReport, SinkOutput } from './sinkOutput';

export type { OutputReport } from './sinkOutput';

/** Where and how to render. */
export interface RenderTarget {
  outDir: string;
  format: OutputFormat;
  /** Compare only, write nothing. */
  check: boolean;
  /** Folder that paths in messages are relative to. */
  base?: string;
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
}

/** Entities handed to the sink at once: bounds what is held in memory. */
const BATCH = 500;

/** An upsert of a render. The CLI keeps no state between runs: no earlier objects, no hash. */
function upsertOf(render: EntityRender): SinkUpsert {
  return {
    entityRef: render.entityRef,
    slug: render.slug,
    hash: '',
    render,
    previousObjects: [],
  };
}

/**
 * What an entity not rendered this run (it has errors) keeps from an earlier one: its folder in
 * the operator format; in the prometheus format its rule, targets and dashboard files and its
 * test files (found in the output).
 */
async function keptEntity(
  output: SinkOutput,
  format: OutputFormat,
  entityRef: string,
): Promise<SinkKeep> {
  const slug = entitySlug(entityRef);
  if (format === 'operator') {
    return { entityRef, slug, objects: [] };
  }
  const tests = (await output.list('tests'))
    .filter(name => name.startsWith(`${slug}.`))
    .map(name => `tests/${name}`);
  return {
    entityRef,
    slug,
    objects: [
      ruleFilePath(slug),
      `targets/${slug}.json`,
      `dashboards/${dashboardUid(entityRef)}.json`,
      ...tests,
    ],
  };
}

/**
 * Renders the entities into `target.outDir` in `target.format` through the format's sink.
 * Entities with errors are not written; what they have from an earlier run is kept.
 */
export async function renderToFolder(
  entities: CatalogEntity[],
  settings: CliSettings,
  target: RenderTarget,
): Promise<RenderRun> {
  const output = new SinkOutput(path.resolve(target.outDir), target, settings);
  const lines: string[] = [];
  const invalid: string[] = [];
  const inputs: RenderInput[] = [];
  let batch: SinkUpsert[] = [];
  let count = 0;
  let notRendered = 0;
  for await (const outcome of renderCatalog(entities, settings, {
    parts: { ruleTests: target.format === 'prometheus' },
    base: target.base,
  })) {
    count += 1;
    lines.push(
      ...outcome.problems.map(p => formatProblem(outcome.entityRef, p)),
    );
    if (isInvalid(outcome) || !outcome.render) {
      // An entity whose ref cannot be named has nothing to keep either.
      if (!entityNameProblem(outcome.entityRef)) {
        invalid.push(outcome.entityRef);
      }
      notRendered += 1;
      continue;
    }
    inputs.push(outcome.input!);
    batch.push(upsertOf(outcome.render));
    if (batch.length >= BATCH) {
      await output.apply({ upserts: batch, removals: [] });
      batch = [];
    }
  }
  // Routing: the owners' Groups say where the alerts of the rendered entities go.
  const routing = catalogRouting(entities, inputs, settings);
  lines.push(...routing.lines);
  if (target.format === 'operator') {
    batch.push(
      ...renderAlertmanagerConfigs(
        routing.plan,
        settings.alerting,
        settings.renderOptions,
      ).map(upsertOf),
    );
  }
  // The last batch is a full sync: the sink prunes what no entity of this run holds.
  const kept: SinkKeep[] = [];
  for (const entityRef of invalid) {
    kept.push(await keptEntity(output, target.format, entityRef));
  }
  await output.apply({
    upserts: batch,
    removals: [],
    keep: [...output.held, ...kept],
  });
  if (target.format === 'prometheus') {
    await output.writeCatalogFile(
      alertmanagerConfigFile(
        renderAlertmanagerYaml(routing.plan, settings.alerting),
      ),
    );
  }
  return {
    lines,
    entities: count,
    rendered: count - notRendered,
    failed: notRendered > 0 || routing.failed,
    report: await output.finish(),
  };
}
