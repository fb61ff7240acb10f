/*
 * Test support: stored provisioning records, for the tests of the reconcile plan and the state
 * transitions. A sink record holds `<sink>-objects` and render `h1`; an entity record input `in1`.
 */
import { EntityStateWithSinks, SinkState } from '../../database/types';

/** A sink's record: `ok` with render h1, unless `fields` say otherwise. */
export function sinkState(
  sink: string,
  fields: Partial<SinkState> = {},
): SinkState {
  return {
    sink,
    state: 'ok',
    hash: 'h1',
    targetHash: 'h1',
    objects: [`${sink}-objects`],
    attempts: 0,
    lastSuccessAt: 500,
    ...fields,
  };
}

/** The record of `component:default/<name>` with its sinks' records. */
export function entityState(
  name: string,
  sinks: SinkState[],
  fields: Partial<EntityStateWithSinks> = {},
): EntityStateWithSinks {
  return {
    entityRef: `component:default/${name}`,
    slug: `component-default-${name}`,
    inputHash: 'in1',
    renderHash: 'h1',
    attempts: 0,
    updatedAt: 0,
    sinks: new Map(sinks.map(s => [s.sink, s])),
    ...fields,
  };
}

/** Records by entity ref, as the store lists them. */
export function statesOf(
  ...states: EntityStateWithSinks[]
): Map<string, EntityStateWithSinks> {
  return new Map(states.map(s => [s.entityRef, s]));
}
