import { EntityRender } from '@lookout/plugin-observability-node';
import { EntityStateWithSinks } from '../database/types';
import {
  fullSyncNow,
  needsRender,
  planKeep,
  planRemovals,
  planUpserts,
} from './reconcilePlan';
import { entityState, sinkState, statesOf } from './__testUtils__/states';

const NOW = 1_000_000;

describe('needsRender', () => {
  const synced = entityState('checkout', [sinkState('a'), sinkState('b')]);

  it('renders a new entity and a changed one', () => {
    expect(needsRender('in1', undefined, ['a'], NOW)).toBe(true);
    expect(needsRender('in2', synced, ['a', 'b'], NOW)).toBe(true);
  });

  it('skips an unchanged entity that every sink holds', () => {
    expect(needsRender('in1', synced, ['a', 'b'], NOW)).toBe(false);
  });

  it('renders again for a sink added to the config', () => {
    expect(needsRender('in1', synced, ['a', 'b', 'c'], NOW)).toBe(true);
  });

  it('retries a failed sink only once its back-off has passed', () => {
    const failed = entityState('checkout', [
      sinkState('a'),
      sinkState('b', { state: 'error', nextAttemptAt: NOW + 1 }),
    ]);
    expect(needsRender('in1', failed, ['a', 'b'], NOW)).toBe(false);
    expect(needsRender('in1', failed, ['a', 'b'], NOW + 1)).toBe(true);
  });

  it('retries a transient render failure after its back-off, and waits for an edit otherwise', () => {
    const transient = entityState('checkout', [], {
      renderError: 'document unreadable',
      nextAttemptAt: NOW + 10,
    });
    const permanent = entityState('checkout', [], {
      renderError: 'annotation errors',
    });
    expect(needsRender('in1', transient, ['a'], NOW + 9)).toBe(false);
    expect(needsRender('in1', transient, ['a'], NOW + 10)).toBe(true);
    expect(needsRender('in1', permanent, ['a'], NOW + 1e9)).toBe(false);
    expect(needsRender('in2', permanent, ['a'], NOW)).toBe(true);
  });
});

describe('planUpserts', () => {
  const render = {
    entityRef: 'component:default/checkout',
    slug: 'component-default-checkout',
  } as EntityRender;
  const rendered = (previous?: EntityStateWithSinks) => [
    {
      hash: 'h2',
      render,
      previous,
    },
  ];

  it('hands a sink the render it lacks, with what it held before', () => {
    const previous = entityState('checkout', [sinkState('a')]);
    expect(planUpserts('a', rendered(previous), NOW)).toEqual([
      {
        entityRef: 'component:default/checkout',
        slug: 'component-default-checkout',
        hash: 'h2',
        render,
        previousObjects: ['a-objects'],
      },
    ]);
    expect(planUpserts('b', rendered(previous), NOW)).toEqual([
      expect.objectContaining({ previousObjects: [] }),
    ]);
  });

  it('skips a sink that holds this render already', () => {
    const previous = entityState('checkout', [
      sinkState('a', { hash: 'h2', targetHash: 'h2' }),
    ]);
    expect(planUpserts('a', rendered(previous), NOW)).toEqual([]);
  });

  it('waits out the back-off of a failed attempt at the same render, not of an older one', () => {
    const sameRender = entityState('checkout', [
      sinkState('a', {
        state: 'error',
        targetHash: 'h2',
        nextAttemptAt: NOW + 1,
      }),
    ]);
    const olderRender = entityState('checkout', [
      sinkState('a', {
        state: 'error',
        targetHash: 'h1',
        nextAttemptAt: NOW + 1,
      }),
    ]);
    expect(planUpserts('a', rendered(sameRender), NOW)).toEqual([]);
    expect(planUpserts('a', rendered(sameRender), NOW + 1)).toHaveLength(1);
    expect(planUpserts('a', rendered(olderRender), NOW)).toHaveLength(1);
  });
});

describe('planRemovals', () => {
  it('removes gone entities from each configured sink holding them', () => {
    const states = statesOf(
      entityState('checkout', [sinkState('a')]),
      entityState('cart', [sinkState('a'), sinkState('b')]),
    );
    const plan = planRemovals(
      states,
      new Set(['component:default/checkout']),
      ['a', 'b'],
      NOW,
    );
    expect(plan).toEqual({
      gone: ['component:default/cart'],
      bySink: new Map([
        [
          'a',
          [
            {
              entityRef: 'component:default/cart',
              slug: 'component-default-cart',
              previousObjects: ['a-objects'],
            },
          ],
        ],
        [
          'b',
          [
            {
              entityRef: 'component:default/cart',
              slug: 'component-default-cart',
              previousObjects: ['b-objects'],
            },
          ],
        ],
      ]),
      forgotten: [],
    });
  });

  it('asks again for a failed removal only after its back-off', () => {
    const states = statesOf(
      entityState('cart', [
        sinkState('a', {
          state: 'error',
          targetHash: undefined,
          nextAttemptAt: NOW + 5,
        }),
      ]),
    );
    expect(planRemovals(states, new Set(), ['a'], NOW).bySink).toEqual(
      new Map(),
    );
    expect(
      planRemovals(states, new Set(), ['a'], NOW + 5).bySink.get('a'),
    ).toHaveLength(1);
  });

  it('forgets the records of a sink no longer configured, of present and gone entities alike', () => {
    const states = statesOf(
      entityState('checkout', [sinkState('a'), sinkState('old')]),
      entityState('cart', [sinkState('old')]),
    );
    const plan = planRemovals(
      states,
      new Set(['component:default/checkout']),
      ['a'],
      NOW,
    );
    expect(plan.forgotten).toEqual([
      { entityRef: 'component:default/checkout', sink: 'old' },
      { entityRef: 'component:default/cart', sink: 'old' },
    ]);
    expect(plan.bySink).toEqual(new Map());
    expect(plan.gone).toEqual(['component:default/cart']);
  });
});

describe('planKeep', () => {
  it('lists every entity the sink holds, with its objects', () => {
    const states = statesOf(
      entityState('checkout', [sinkState('a')]),
      entityState('cart', [sinkState('b')]),
    );
    expect(planKeep('a', states)).toEqual([
      {
        entityRef: 'component:default/checkout',
        slug: 'component-default-checkout',
        objects: ['a-objects'],
      },
    ]);
  });
});

describe('fullSyncNow', () => {
  const seen = new Set(['component:default/checkout']);
  const hour = 3_600_000;

  it('waits for the catalog to settle: never on the first run of a process', () => {
    expect(fullSyncNow({ now: NOW, intervalMs: hour, seen })).toBe(false);
    expect(
      fullSyncNow({
        now: NOW,
        intervalMs: hour,
        previousRefs: new Set(),
        seen,
      }),
    ).toBe(false);
    expect(
      fullSyncNow({ now: NOW, intervalMs: hour, previousRefs: seen, seen }),
    ).toBe(true);
  });

  it('is due again once the interval has passed since the last one', () => {
    const last = { lastFullSync: NOW, intervalMs: hour, previousRefs: seen };
    expect(fullSyncNow({ ...last, now: NOW + hour - 1, seen })).toBe(false);
    expect(fullSyncNow({ ...last, now: NOW + hour, seen })).toBe(true);
  });
});
