import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import {
  CatalogProcessorCache,
  CatalogProcessorResult,
  LocationSpec,
} from '@backstage/plugin-catalog-node';
import { OPENTELEMETRY_PRESETS } from '@lookout/plugin-observability-common';
import {
  ObservabilityAnnotationProcessor,
  formatProblem,
} from './ObservabilityAnnotationProcessor';
import {
  componentEntity,
  groupEntity,
} from '@lookout/plugin-observability-common/testUtils';

const location: LocationSpec = { type: 'file', target: '/catalog/search.yaml' };

function entity(annotations: Record<string, string>): Entity {
  return componentEntity(annotations, {
    name: 'search',
    owner: 'team-discovery',
  });
}

/** The catalog's per-processor cache, kept in memory for one entity. */
class MemoryCache implements CatalogProcessorCache {
  private readonly values = new Map<string, unknown>();
  async get<T>(key: string): Promise<T | undefined> {
    return this.values.get(key) as T | undefined;
  }
  async set(key: string, value: unknown): Promise<void> {
    this.values.set(key, value);
  }
}

async function process(
  mode: 'lenient' | 'strict',
  target: Entity,
  cache: CatalogProcessorCache = new MemoryCache(),
  logger = mockServices.logger.mock(),
) {
  const processor = new ObservabilityAnnotationProcessor({
    logger,
    mode,
    parseOptions: { presets: OPENTELEMETRY_PRESETS },
  });
  const emitted: CatalogProcessorResult[] = [];
  const result = await processor.postProcessEntity(
    target,
    location,
    r => emitted.push(r),
    cache,
  );
  return { result, emitted, logger };
}

const broken = entity({
  'lookout.dev/slo-availability': '100',
  'lookout.dev/metrics-port': '70000',
  'lookout.dev/dashbaord': 'false',
});

describe('ObservabilityAnnotationProcessor', () => {
  it('leaves the entity unchanged and emits nothing in lenient mode', async () => {
    const { result, emitted } = await process('lenient', broken);
    expect(result).toBe(broken);
    expect(emitted).toEqual([]);
  });

  it('turns every error into a processing error naming the annotation in strict mode', async () => {
    const { emitted } = await process('strict', broken);
    const messages = emitted.map(r =>
      r.type === 'error' ? r.error.message : r.type,
    );
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^lookout\.dev\/slo-availability: /),
        expect.stringMatching(/^lookout\.dev\/metrics-port: /),
      ]),
    );
    // The unknown key is a warning: it never fails processing.
    expect(messages.some(m => m.includes('dashbaord'))).toBe(false);
    expect(
      emitted.every(r => r.type === 'error' && r.error.name === 'InputError'),
    ).toBe(true);
  });

  it('emits nothing for valid annotations, even in strict mode', async () => {
    const { emitted } = await process(
      'strict',
      entity({
        'lookout.dev/metrics-port': 'http-metrics',
        'lookout.dev/slo-availability': '99.9',
      }),
    );
    expect(emitted).toEqual([]);
  });

  it('ignores entities without Lookout annotations', async () => {
    const { emitted, logger } = await process(
      'strict',
      entity({ 'backstage.io/kubernetes-id': 'search' }),
    );
    expect(emitted).toEqual([]);
    expect(logger.warn).not.toHaveBeenCalled();
  });

  it('logs the problems once, not on every processing round', async () => {
    const cache = new MemoryCache();
    const logger = mockServices.logger.mock();
    await process('lenient', broken, cache, logger);
    await process('lenient', broken, cache, logger);
    expect(logger.warn).toHaveBeenCalledTimes(1);
    expect(logger.warn.mock.calls[0][0]).toContain('component:default/search');
  });

  it("reports a Group's malformed routing annotations, naming them, although it has no other Lookout annotation", async () => {
    const group = groupEntity({
      'pagerduty.com/integration-key': 'abc',
      'lookout.dev/tickets-slack-secret': 'receivers',
    });
    const { emitted } = await process('strict', group);
    expect(emitted).toEqual([
      expect.objectContaining({
        type: 'error',
        error: expect.objectContaining({
          message: expect.stringMatching(
            /^pagerduty\.com\/integration-key: found "abc"/,
          ),
        }),
      }),
      expect.objectContaining({
        type: 'error',
        error: expect.objectContaining({
          message: expect.stringMatching(
            /^lookout\.dev\/tickets-slack-secret: "receivers" is not <secret>\/<key>/,
          ),
        }),
      }),
    ]);
    const plain = await process('strict', {
      ...group,
      metadata: { name: 'team-x' },
    });
    expect(plain.emitted).toEqual([]);
  });

  it('formats problems like the CLI', () => {
    expect(
      formatProblem({
        severity: 'error',
        annotation: 'lookout.dev/slos',
        path: '[1].ratio.errors',
        message: 'not a bare selector',
      }),
    ).toBe('lookout.dev/slos[1].ratio.errors: not a bare selector');
    expect(
      formatProblem({
        severity: 'error',
        annotation: 'lookout.dev/slo-window',
        path: '',
        message: 'too short',
      }),
    ).toBe('lookout.dev/slo-window: too short');
  });
});
