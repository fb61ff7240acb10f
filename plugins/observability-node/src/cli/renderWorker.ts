/*
 * Inside a render worker thread (see renderWorkers.ts): parses, renders and lays out as files the
 * catalog entities it is sent, a batch at a time, and sends the files back.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { RenderParts } from '../render/renderEntity';
import { OutputFormat } from '../render/types';
import { EntityFiles, entityFiles } from './entityFiles';
import { CatalogEntity } from './readCatalog';
import { CliSettings } from './readSettings';
import { renderCatalogEntity } from './renderCatalog';

/** What a worker is started with. */
export interface RenderWorkerData {
  settings: CliSettings;
  format: OutputFormat;
  parts: RenderParts;
}

/** A worker's answer to a batch: its entities in order, or the error that stopped it. */
export type RenderBatchResult =
  | { entities: EntityFiles[] }
  | { error: { message: string; stack?: string } };

async function renderBatch(
  items: CatalogEntity[],
  { settings, format, parts }: RenderWorkerData,
): Promise<EntityFiles[]> {
  const entities: EntityFiles[] = [];
  for (const item of items) {
    const outcome = await renderCatalogEntity(item, settings, parts);
    entities.push(entityFiles(outcome, format, settings));
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
