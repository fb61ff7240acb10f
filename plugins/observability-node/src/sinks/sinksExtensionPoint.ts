/*
 * The `observability.sinks` extension point: backend modules add their own provisioning sink
 * types, which `observability.provisioning.sinks[].type` then selects.
 */
import { createExtensionPoint } from '@backstage/backend-plugin-api';
import { SinkFactory } from './types';

/** @public */
export interface ObservabilitySinksExtensionPoint {
  /**
   * Adds a sink type. A configuration entry whose `type` matches creates a sink with the factory;
   * a type added twice, or one that shadows a built-in type, is an error at startup.
   */
  addSinkFactory(factory: SinkFactory): void;
}

/**
 * Extension point for provisioning sinks (id `observability.sinks`).
 *
 * @example
 * ```ts
 * export default createBackendModule({
 *   pluginId: 'observability',
 *   moduleId: 'my-sink',
 *   register(env) {
 *     env.registerInit({
 *       deps: { sinks: observabilitySinksExtensionPoint },
 *       async init({ sinks }) {
 *         sinks.addSinkFactory({ type: 'my-sink', create: ctx => new MySink(ctx) });
 *       },
 *     });
 *   },
 * });
 * ```
 *
 * @public
 */
export const observabilitySinksExtensionPoint =
  createExtensionPoint<ObservabilitySinksExtensionPoint>({
    id: 'observability.sinks',
  });
