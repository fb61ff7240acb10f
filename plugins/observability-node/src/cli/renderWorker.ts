/*
 * Inside a render worker thread (see renderWorkers.ts): parses and renders the catalog entities
 * it is sent, a batch at a time, and sends the renders back.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { RenderParts } from '../render/renderEntity';
import { CatalogEntity } from './readCatalog';
import { CliSettings } from './readSettings';
import { EntityOutcome, renderCatalogEntity } from './renderCatalog';

/** What a worker is started with. */
export interface RenderWorkerData {
  settings: CliSettings;
  parts: RenderParts;
}

/** A worker's answer to a batch: its entities in order, or the error that stopped it. */
export type RenderBatchResult =
  | { entities: EntityOutcome[] }
  | { error: { message: string; stack?: string } };

/**
 * The outcome as a message can carry it: the dashboard model as its JSON, which is all the output
 * uses of it (the Grafana SDK's query objects carry methods, which a message cannot).
 */
function cloneable(outcome: EntityOutcome): EntityOutcome {
  const dashboard = outcome.render?.dashboard;
  if (!dashboard) {
    return outcome;
  }
  return {
    ...outcome,
    render: {
      ...outcome.render!,
      dashboard: {
        ...dashboard,
        model: JSON.parse(JSON.stringify(dashboard.model)),
      },
    },
  };
}

async function renderBatch(
  items: CatalogEntity[],
  { settings, parts }: RenderWorkerData,
): Promise<EntityOutcome[]> {
  const entities: EntityOutcome[] = [];
  for (const item of items) {
    entities.push(cloneable(await renderCatalogEntity(item, settings, parts)));
  }
  return entities;
}

/** Serves batches of entities (each a `CatalogEntity[]`) until the thread is terminated. */
export function runRenderWorker(): void {
  const port = parentPort;
  if (!port) {
    throw new Error('runRenderWorker must run in a worker thread');
  }
  const data = workerData as RenderWorkerData;
  port.on('message', (items: CatalogEntity[]) => {
    renderBatch(items, data).then(
      entities => port.postMessage({ entities } satisfies RenderBatchResult),
      (error: unknown) =>
        port.postMessage({
          error:
            error instanceof Error
              ? { message: error.message, stack: error.stack }
              : { message: String(error) },
        } satisfies RenderBatchResult),
    );
  });
}
