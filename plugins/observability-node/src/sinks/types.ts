/*
 * The provisioning sink contract: where the reconciler hands rendered entities. A sink brings its
 * target (a folder, a cluster, a Grafana) in line with the changes it is given and reports an
 * outcome per entity, so that one failing entity never hides the others' success.
 */
import { Config } from '@backstage/config';
import { LoggerService } from '@backstage/backend-plugin-api';
import { EntityRender, RenderOptions } from '../render/types';

/** An entity as the sinks know it. @public */
export interface SinkEntity {
  /** `kind:namespace/name`, kind in lowercase. */
  entityRef: string;
  /** `<kind>-<namespace>-<name>`, the name of everything generated for the entity. */
  slug: string;
}

/** An entity to write: new, or changed since the sink last wrote it. @public */
export interface SinkUpsert extends SinkEntity {
  /** Content hash of the render; the sink may use it to skip identical writes. */
  hash: string;
  render: EntityRender;
  /**
   * What the sink reported as written for this entity last time (its `objects`), so that it can
   * prune what the entity no longer needs. Empty for an entity new to the sink.
   */
  previousObjects: string[];
}

/** An entity that is gone from the catalog (or no longer annotated). @public */
export interface SinkRemoval extends SinkEntity {
  /** What the sink reported as written for the entity. */
  previousObjects: string[];
}

/** An entity the sink keeps as it is, listed on a full sync. @public */
export interface SinkKeep extends SinkEntity {
  /** What the sink reported as written for the entity. */
  objects: string[];
}

/** One batch of work for a sink. @public */
export interface SinkChanges {
  upserts: SinkUpsert[];
  removals: SinkRemoval[];
  /**
   * Set on a full sync (the first run of a process, then periodically): every entity the sink
   * holds and that is not in `upserts`. The sink prunes the Lookout-managed objects that belong to
   * none of `keep` and `upserts`, and may report kept entities whose objects went missing in
   * {@link SinkApplyResult.drifted}.
   */
  keep?: SinkKeep[];
  /** Aborted when the reconciler's task times out or the backend shuts down. */
  signal?: AbortSignal;
}

/** The outcome of one upsert or removal. @public */
export type SinkEntityOutcome =
  | {
      entityRef: string;
      ok: true;
      /** What the sink now holds for the entity: paths, object or dashboard names. */
      objects: string[];
      /** Whether anything was written or deleted (false when the target already matched). */
      changed: boolean;
    }
  | { entityRef: string; ok: false; error: Error };

/** What a sink did with a batch. @public */
export interface SinkApplyResult {
  /** One outcome per upsert and per removal of the batch. */
  outcomes: SinkEntityOutcome[];
  /** On a full sync: kept entities whose objects are missing; they are provisioned again. */
  drifted?: string[];
  /** Lookout-managed objects pruned because no entity owns them any more. */
  pruned?: string[];
}

/**
 * A provisioning target. Implementations are added through the `observability.sinks` extension
 * point; `apply` must never touch what Lookout did not create, and should throw only when
 * nothing of the batch can have been applied (every entity then counts as failed).
 *
 * @public
 */
export interface ProvisioningSink {
  /** Unique among the configured sinks; the key of the sink's status. */
  readonly name: string;
  /** The sink type, e.g. `kustomize`. */
  readonly type: string;
  apply(changes: SinkChanges): Promise<SinkApplyResult>;
}

/** What a sink factory gets to create a sink from one `observability.provisioning.sinks` entry. @public */
export interface SinkFactoryContext {
  /** The sink's entry of `observability.provisioning.sinks`. */
  config: Config;
  /** The whole app-config (e.g. `kubernetes.*` or `observability.grafana`). */
  rootConfig: Config;
  /** The sink's name: `name` of the entry, or its type. */
  name: string;
  logger: LoggerService;
  renderOptions: RenderOptions;
}

/** Creates the sinks of one type. @public */
export interface SinkFactory {
  /** The `type` of the configuration entries this factory handles. */
  type: string;
  create(
    context: SinkFactoryContext,
  ): ProvisioningSink | Promise<ProvisioningSink>;
}
