import { EntityRender } from '@lookout/plugin-observability-node';
import {
  afterDrift,
  afterRemovals,
  afterRender,
  afterSinkAttempt,
  Outcome,
  outcomesOf,
} from './stateTransitions';
import { entityState, sinkState } from './__testUtils__/states';

const NOW = 1_000_000;
const retry = { initialDelayMs: 1_000, maxDelayMs: 8_000 };
const entity = {
  entityRef: 'component:default/checkout',
  slug: 'component-default-checkout',
  inputHash: 'in2',
};
const render = { entityRef: entity.entityRef } as EntityRender;

describe('afterRender', () => {
  it('records a new render hash', () => {
    expect(
      afterRender(
        entity,
        undefined,
        { ok: true, render, hash: 'h2' },
        NOW,
        retry,
      ),
    ).toEqual({
      ...entity,
      renderHash: 'h2',
      attempts: 0,
      updatedAt: NOW,
    });
  });

  it('writes nothing when the same input rendered the same again', () => {
    const previous = { ...entity, renderHash: 'h2', attempts: 0, updatedAt: 1 };
    expect(
      afterRender(
        entity,
        previous,
        { ok: true, render, hash: 'h2' },
        NOW,
        retry,
      ),
    ).toBeUndefined();
  });

  it('keeps the last good render on a failure, backing off only a transient one', () => {
    const previous = {
      ...entity,
      renderHash: 'h1',
      attempts: 2,
      updatedAt: 1,
    };
    expect(
      afterRender(
        entity,
        previous,
        { ok: false, error: 'unreadable', transient: true },
        NOW,
        retry,
      ),
    ).toEqual({
      ...entity,
      renderHash: 'h1',
      renderError: 'unreadable',
      attempts: 3,
      nextAttemptAt: NOW + 4_000,
      updatedAt: NOW,
    });
    expect(
      afterRender(
        entity,
        previous,
        { ok: false, error: 'annotation errors', transient: false },
        NOW,
        retry,
      ),
    ).toMatchObject({ attempts: 3, nextAttemptAt: undefined });
  });

  it('clears a render failure once the entity renders again', () => {
    const failed = {
      ...entity,
      renderHash: 'h1',
      renderError: 'unreadable',
      attempts: 1,
      nextAttemptAt: NOW,
      updatedAt: 1,
    };
    expect(
      afterRender(entity, failed, { ok: true, render, hash: 'h1' }, NOW, retry),
    ).toEqual({ ...entity, renderHash: 'h1', attempts: 0, updatedAt: NOW });
  });
});

describe('afterSinkAttempt', () => {
  it('on success holds the reported objects and resets the failures', () => {
    expect(
      afterSinkAttempt(
        'a',
        sinkState('a', { state: 'error', attempts: 3, error: 'down' }),
        'h2',
        { ok: true, objects: ['new-object'] },
        NOW,
        retry,
      ),
    ).toEqual({
      sink: 'a',
      state: 'ok',
      hash: 'h2',
      targetHash: 'h2',
      objects: ['new-object'],
      attempts: 0,
      lastAttemptAt: NOW,
      lastSuccessAt: NOW,
    });
  });

  it('on failure keeps the last good hash and objects, counts the failure and backs off doubling', () => {
    const first = afterSinkAttempt(
      'a',
      sinkState('a'),
      'h2',
      { ok: false, error: new Error('down') },
      NOW,
      retry,
    );
    expect(first).toEqual({
      sink: 'a',
      state: 'error',
      hash: 'h1',
      targetHash: 'h2',
      objects: ['a-objects'],
      error: 'down',
      attempts: 1,
      lastAttemptAt: NOW,
      lastSuccessAt: 500,
      nextAttemptAt: NOW + 1_000,
    });
    const second = afterSinkAttempt(
      'a',
      first,
      'h2',
      { ok: false, error: new Error('still down') },
      NOW + 1_000,
      retry,
    );
    expect(second).toMatchObject({
      attempts: 2,
      error: 'still down',
      nextAttemptAt: NOW + 1_000 + 2_000,
    });
  });
});

describe('outcomesOf', () => {
  it('fails the entities a sink reported nothing for, and all of them when it threw', () => {
    expect(
      outcomesOf('a', ['component:default/x', 'component:default/y'], {
        outcomes: [
          {
            entityRef: 'component:default/x',
            ok: true,
            objects: ['o'],
            changed: true,
          },
        ],
      }),
    ).toEqual(
      new Map([
        [
          'component:default/x',
          {
            entityRef: 'component:default/x',
            ok: true,
            objects: ['o'],
            changed: true,
          },
        ],
        [
          'component:default/y',
          {
            ok: false,
            error: new Error('sink a reported no outcome for the entity'),
          },
        ],
      ]),
    );
    const thrown = new Error('unreachable');
    expect(outcomesOf('a', ['component:default/x'], thrown)).toEqual(
      new Map([['component:default/x', { ok: false, error: thrown }]]),
    );
  });
});

describe('afterRemovals', () => {
  const cart = entityState('cart', [sinkState('a'), sinkState('b')]);
  const states = new Map([[cart.entityRef, cart]]);
  const plan = {
    gone: [cart.entityRef],
    bySink: new Map([
      [
        'a',
        [{ entityRef: cart.entityRef, slug: cart.slug, previousObjects: [] }],
      ],
      [
        'b',
        [{ entityRef: cart.entityRef, slug: cart.slug, previousObjects: [] }],
      ],
    ]),
    forgotten: [],
  };

  it('forgets an entity once every sink holding it removed it', () => {
    expect(
      afterRemovals({
        states,
        plan,
        outcomes: new Map([
          ['a', new Map([[cart.entityRef, { ok: true, objects: [] }]])],
          ['b', new Map([[cart.entityRef, { ok: true, objects: [] }]])],
        ]),
        aborted: false,
        now: NOW,
        retry,
      }),
    ).toEqual({
      sinks: [],
      deletedSinks: [
        { entityRef: cart.entityRef, sink: 'a' },
        { entityRef: cart.entityRef, sink: 'b' },
      ],
      deletedEntities: [cart.entityRef],
    });
  });

  it('keeps the entity while a removal failed, that sink backing off with no target render', () => {
    const changes = afterRemovals({
      states,
      plan,
      outcomes: new Map<string, Map<string, Outcome>>([
        ['a', new Map([[cart.entityRef, { ok: true, objects: [] }]])],
        [
          'b',
          new Map([
            [cart.entityRef, { ok: false, error: new Error('locked') }],
          ]),
        ],
      ]),
      aborted: false,
      now: NOW,
      retry,
    });
    expect(changes).toEqual({
      sinks: [
        {
          entityRef: cart.entityRef,
          sink: 'b',
          state: 'error',
          hash: 'h1',
          targetHash: undefined,
          objects: ['b-objects'],
          error: 'locked',
          attempts: 1,
          lastAttemptAt: NOW,
          lastSuccessAt: 500,
          nextAttemptAt: NOW + 1_000,
        },
      ],
      deletedSinks: [{ entityRef: cart.entityRef, sink: 'a' }],
      deletedEntities: [],
    });
  });

  it('records no failure for a removal stopped by an abort', () => {
    const changes = afterRemovals({
      states,
      plan,
      outcomes: new Map([
        [
          'a',
          new Map([
            [cart.entityRef, { ok: false, error: new Error('aborted') }],
          ]),
        ],
      ]),
      aborted: true,
      now: NOW,
      retry,
    });
    expect(changes).toEqual({
      sinks: [],
      deletedSinks: [],
      deletedEntities: [],
    });
  });

  it('drops the records of unconfigured sinks, and a gone entity only they held', () => {
    const old = entityState('old', [sinkState('removed-sink')]);
    const kept = entityState('kept', [
      sinkState('a'),
      sinkState('removed-sink'),
    ]);
    const changes = afterRemovals({
      states: new Map([
        [old.entityRef, old],
        [kept.entityRef, kept],
      ]),
      plan: {
        gone: [old.entityRef],
        bySink: new Map(),
        forgotten: [
          { entityRef: old.entityRef, sink: 'removed-sink' },
          { entityRef: kept.entityRef, sink: 'removed-sink' },
        ],
      },
      outcomes: new Map(),
      aborted: false,
      now: NOW,
      retry,
    });
    expect(changes).toEqual({
      sinks: [],
      deletedSinks: [
        { entityRef: old.entityRef, sink: 'removed-sink' },
        { entityRef: kept.entityRef, sink: 'removed-sink' },
      ],
      deletedEntities: [old.entityRef],
    });
  });
});

describe('afterDrift', () => {
  it('makes a drifted entity pending again, with no back-off, keeping its objects', () => {
    const checkout = entityState('checkout', [
      sinkState('a', { nextAttemptAt: NOW }),
    ]);
    expect(
      afterDrift('a', new Map([[checkout.entityRef, checkout]]), [
        checkout.entityRef,
        'component:default/unknown',
      ]),
    ).toEqual([
      {
        entityRef: checkout.entityRef,
        sink: 'a',
        state: 'pending',
        hash: undefined,
        targetHash: 'h1',
        objects: ['a-objects'],
        attempts: 0,
        lastSuccessAt: 500,
        nextAttemptAt: undefined,
      },
    ]);
  });
});
