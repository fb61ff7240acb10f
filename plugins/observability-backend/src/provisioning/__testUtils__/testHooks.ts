/*
 * Test support: a backend module of the observability plugin that hands the test the plugin's
 * scheduler (to run the reconciler on demand) and adds a `recorder` sink type through the
 * `observability.sinks` extension point, recording every batch and failing on request.
 */
import {
  coreServices,
  createBackendModule,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import {
  observabilitySinksExtensionPoint,
  ProvisioningSink,
  SinkChanges,
} from '@lookout/plugin-observability-node';

/** What the recorder sinks saw, shared by every backend of a test. */
export class SinkRecorder {
  /** Every upsert: `<sink> <entityRef> <hash>`. */
  readonly upserts: string[] = [];
  /** Every removal: `<sink> <entityRef>`. */
  readonly removals: string[] = [];
  /** Entity refs whose upserts fail. */
  readonly failing = new Set<string>();
  /** When set, `apply` throws this. */
  broken?: Error;
  calls = 0;
  /** Calls per backend instance. */
  readonly callsBy = new Map<string, number>();

  sink(name: string, instance = 'backend'): ProvisioningSink {
    return {
      name,
      type: 'recorder',
      apply: async (changes: SinkChanges) => {
        this.calls += 1;
        this.callsBy.set(instance, (this.callsBy.get(instance) ?? 0) + 1);
        if (this.broken) {
          throw this.broken;
        }
        return {
          outcomes: [
            ...changes.upserts.map(u => {
              if (this.failing.has(u.entityRef)) {
                return {
                  entityRef: u.entityRef,
                  ok: false as const,
                  error: new Error('recorder refuses'),
                };
              }
              this.upserts.push(`${name} ${u.entityRef} ${u.hash}`);
              return {
                entityRef: u.entityRef,
                ok: true as const,
                objects: [u.slug],
                changed: true,
              };
            }),
            ...changes.removals.map(r => {
              this.removals.push(`${name} ${r.entityRef}`);
              return {
                entityRef: r.entityRef,
                ok: true as const,
                objects: [],
                changed: true,
              };
            }),
          ],
        };
      },
    };
  }
}

/** The module, and the scheduler it captured once the backend started. */
export function testHooks(recorder = new SinkRecorder(), instance = 'backend') {
  const hooks: { scheduler?: SchedulerService; recorder: SinkRecorder } = {
    recorder,
  };
  const module = createBackendModule({
    pluginId: 'observability',
    moduleId: 'test-hooks',
    register(env) {
      env.registerInit({
        deps: {
          scheduler: coreServices.scheduler,
          sinks: observabilitySinksExtensionPoint,
        },
        async init({ scheduler, sinks }) {
          hooks.scheduler = scheduler;
          sinks.addSinkFactory({
            type: 'recorder',
            create: ({ name }) => recorder.sink(name, instance),
          });
        },
      });
    },
  });
  return { module, hooks };
}
