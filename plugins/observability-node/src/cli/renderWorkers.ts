/*
 * Renders a large catalog on every core: worker threads parse and render batches of entities
 * while the main thread hands the renders already done to the sink. The outcomes come out in
 * catalog order, exactly as the single-threaded path (renderCatalog) gives them; only the duplicate check, which needs the whole catalog, stays on the main thread.
 *
 * The CLI runs from TypeScript source through Backstage's node transform; a worker thread does
 * not inherit it, so each worker registers it again before loading renderWorker.ts.
 */
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { isObservabilityAvailable } from '@lookout/plugin-observability-common';
import { RenderParts } from '../render/renderEntity';
import { CatalogEntity } from './readCatalog';
import { CliSettings } from './readSettings';
import { duplicateProblem, EntityOutcome } from './renderCatalog';
import { RenderBatchResult, RenderWorkerData } from './renderWorker';

/** Entities per message to a worker: large enough that messaging costs nothing in comparison. */
const BATCH = 50;
/** Batches queued per worker, so that none waits for the main thread to ask for more. */
const BATCHES_PER_WORKER = 2;
/** Below this many entities with Lookout annotations, starting workers costs more than it saves. */
const MIN_ENTITIES = 1000;
/** Most workers used: rendering is fast enough that more only add memory. */
const MAX_WORKERS = 4;

/**
 * How many workers to render `entities` with: 0 (render on the main thread) for small catalogs,
 * on one core, or when not running from source (a bundled build has no worker file to load).
 */
export function renderWorkerCount(entities: number): number {
  if (!__filename.endsWith('.ts') || entities < MIN_ENTITIES) {
    return 0;
  }
  const cores = os.availableParallelism();
  return cores < 2 ? 0 : Math.min(cores, MAX_WORKERS);
}

interface Job {
  items: CatalogEntity[];
  resolve: (entities: EntityOutcome[]) => void;
  reject: (error: Error) => void;
}

/** Worker threads, each rendering one batch at a time. */
class RenderPool {
  private readonly workers: Worker[] = [];
  private readonly idle: Worker[] = [];
  private readonly busy = new Map<Worker, Job>();
  private readonly queue: Job[] = [];
  private failure: Error | undefined;
  private closing = false;

  constructor(count: number, data: RenderWorkerData) {
    const bootstrap = [
      `require(${JSON.stringify(
        require.resolve('@backstage/cli/config/nodeTransform.cjs'),
      )});`,
      `require(${JSON.stringify(
        require.resolve('./renderWorker'),
      )}).runRenderWorker();`,
    ].join('\n');
    for (let i = 0; i < count; i++) {
      const worker = new Worker(bootstrap, { eval: true, workerData: data });
      worker.on('message', (result: RenderBatchResult) =>
        this.done(worker, result),
      );
      worker.on('error', (error: unknown) =>
        this.fail(error instanceof Error ? error : new Error(String(error))),
      );
      worker.on('exit', code => {
        if (!this.closing) {
          this.fail(new Error(`a render worker stopped (exit code ${code})`));
        }
      });
      this.workers.push(worker);
      this.idle.push(worker);
    }
  }

  /** Renders a batch on the next free worker. */
  render(items: CatalogEntity[]): Promise<EntityOutcome[]> {
    return new Promise((resolve, reject) => {
      if (this.failure) {
        reject(this.failure);
        return;
      }
      this.queue.push({ items, resolve, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.workers.map(worker => worker.terminate()));
  }

  private dispatch(): void {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const worker = this.idle.pop()!;
      const job = this.queue.shift()!;
      this.busy.set(worker, job);
      worker.postMessage(job.items);
    }
  }

  private done(worker: Worker, result: RenderBatchResult): void {
    const job = this.busy.get(worker);
    this.busy.delete(worker);
    this.idle.push(worker);
    if ('error' in result) {
      // The error of the render itself (an internal error), as the main thread would throw it.
      const error = new Error(result.error.message);
      error.stack = result.error.stack ?? error.stack;
      job?.reject(error);
    } else {
      job?.resolve(result.entities);
    }
    this.dispatch();
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const job of [...this.busy.values(), ...this.queue]) {
      job.reject(error);
    }
    this.busy.clear();
    this.queue.length = 0;
  }
}

/**
 * The entities with Lookout annotations, parsed, rendered and laid out as files in `format` by
 * `workers` worker threads, in catalog order. A second entity with the same ref is reported (as
 * by renderCatalog) and has no files.
 */
export async function* renderInWorkers(
  entities: CatalogEntity[],
  settings: CliSettings,
  options: {
    parts: RenderParts;
    base?: string;
    workers: number;
  },
): AsyncGenerator<EntityOutcome> {
  const items = entities.filter(item => isObservabilityAvailable(item.entity));
  const pool = new RenderPool(options.workers, {
    settings,
    parts: options.parts,
  });
  const pending: Promise<EntityOutcome[]>[] = [];
  let next = 0;
  const submit = () => {
    const batch = pool.render(items.slice(next, next + BATCH));
    // Awaited in order below; until then a failure must not count as unhandled.
    batch.catch(() => undefined);
    pending.push(batch);
    next += BATCH;
  };
  try {
    const seen = new Map<string, string>();
    while (next < items.length || pending.length > 0) {
      while (
        next < items.length &&
        pending.length < options.workers * BATCHES_PER_WORKER
      ) {
        submit();
      }
      for (const entity of await pending.shift()!) {
        const first = seen.get(entity.entityRef);
        if (first === undefined) {
          seen.set(entity.entityRef, entity.file);
          yield entity;
        } else {
          yield {
            entityRef: entity.entityRef,
            file: entity.file,
            problems: [duplicateProblem(first, entity.file, options.base)],
          };
        }
      }
    }
  } finally {
    await pool.close();
  }
}
