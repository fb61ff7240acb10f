/**
 * Offline checks of Lookout's deployment manifests (`deploy/`): Kustomize builds, strict CRD
 * validation of custom resources, kubernetes-models validation of built-in objects, and helpers
 * to run promtool, amtool and a real Alertmanager against the stack's configuration.
 *
 * @packageDocumentation
 */
export * from './alertmanagerServer';
export * from './coreModels';
export * from './crdSchemas';
export * from './freePort';
export * from './kubeObject';
export * from './kustomize';
export * from './paths';
export * from './runTool';
export * from './stackCopy';
