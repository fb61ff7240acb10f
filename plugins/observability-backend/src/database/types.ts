/*
 * The provisioning state the reconciler keeps between runs and the status route reads.
 */

/** What one sink holds for one entity. */
export interface SinkState {
  sink: string;
  state: 'ok' | 'error' | 'pending';
  /** Render hash last provisioned successfully. */
  hash?: string;
  /** Render hash of the last attempt. */
  targetHash?: string;
  /** Paths or object ids the sink reported for the entity. */
  objects: string[];
  error?: string;
  /** Failed attempts in a row. */
  attempts: number;
  lastAttemptAt?: number;
  lastSuccessAt?: number;
  /** Epoch ms before which a failure is not retried. */
  nextAttemptAt?: number;
}

/** The reconciler's record of one entity. */
export interface EntityState {
  entityRef: string;
  slug: string;
  /** Hash of the entity and settings the last render was made from. */
  inputHash?: string;
  /** Hash of the last successful render. */
  renderHash?: string;
  /** Why the entity could not be rendered. */
  renderError?: string;
  /** Failed renders in a row. */
  attempts: number;
  nextAttemptAt?: number;
  updatedAt: number;
}

/** An entity's record with its sinks' records, by sink name. */
export interface EntityStateWithSinks extends EntityState {
  sinks: Map<string, SinkState>;
}

/** The changes of one reconcile step, written in one transaction. */
export interface StateChanges {
  entities?: EntityState[];
  sinks?: Array<SinkState & { entityRef: string }>;
  deletedSinks?: Array<{ entityRef: string; sink: string }>;
  deletedEntities?: string[];
}

/** Storage of the provisioning state. */
export interface ProvisioningStore {
  /** Every entity's state (the reconciler's view at the start of a run). */
  listStates(): Promise<Map<string, EntityStateWithSinks>>;
  /** One entity's state, if Lookout knows it. */
  getState(entityRef: string): Promise<EntityStateWithSinks | undefined>;
  /** Writes the changes atomically. */
  save(changes: StateChanges): Promise<void>;
}
