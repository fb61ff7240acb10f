import { applyPerEntity, runEntityChanges } from './entityRunner';
import { SinkChanges, SinkKeep, SinkRemoval, SinkUpsert } from './types';
import { removalOf, upsertOf } from './__testUtils__/folders';
import { sampleRender } from './__testUtils__/sampleRender';

const renderOf = (name: string) => sampleRender(`component:default/${name}`);
const upsert = (name: string) => upsertOf(renderOf(name));
const removal = (name: string) => removalOf(renderOf(name));

function keep(name: string, objects: string[]): SinkKeep {
  return {
    entityRef: `component:default/${name}`,
    slug: `component-default-${name}`,
    objects,
  };
}

/** A target of named objects, as a sink sees a cluster or a folder. */
class Target {
  readonly objects = new Set<string>();
  readonly failing = new Set<string>();
  readonly notPrunable = new Set<string>();

  handlers() {
    return {
      upsert: async (u: SinkUpsert) => {
        if (this.failing.has(u.slug)) {
          throw new Error(`${u.slug} refused`);
        }
        this.objects.add(u.slug);
        return { objects: [u.slug], changed: true };
      },
      remove: async (r: SinkRemoval) => {
        if (this.failing.has(r.slug)) {
          throw new Error(`${r.slug} refused`);
        }
        return { changed: this.objects.delete(r.slug) };
      },
      keptIds: (k: SinkKeep) => k.objects,
      upsertIds: (u: SinkUpsert) => [u.slug],
      listPresent: async () => new Set(this.objects),
      prune: async (id: string) => {
        if (this.notPrunable.has(id)) {
          return false;
        }
        return this.objects.delete(id);
      },
    };
  }
}

describe('runEntityChanges', () => {
  it('reports a failing entity as its own outcome and still applies the others, upserts before removals', async () => {
    const target = new Target();
    target.objects.add('component-default-old');
    target.failing.add('component-default-cart');

    const outcomes = await runEntityChanges(
      {
        upserts: [upsert('checkout'), upsert('cart'), upsert('search')],
        removals: [removal('old')],
      },
      target.handlers(),
    );

    expect(outcomes).toEqual([
      {
        entityRef: 'component:default/checkout',
        ok: true,
        objects: ['component-default-checkout'],
        changed: true,
      },
      {
        entityRef: 'component:default/cart',
        ok: false,
        error: new Error('component-default-cart refused'),
      },
      {
        entityRef: 'component:default/search',
        ok: true,
        objects: ['component-default-search'],
        changed: true,
      },
      {
        entityRef: 'component:default/old',
        ok: true,
        objects: [],
        changed: true,
      },
    ]);
    expect([...target.objects].sort()).toEqual([
      'component-default-checkout',
      'component-default-search',
    ]);
  });

  it('leaves out the entities whose outcome the sink reports itself', async () => {
    const outcomes = await runEntityChanges(
      { upserts: [upsert('checkout'), upsert('cart')], removals: [] },
      {
        upsert: async u =>
          u.slug === 'component-default-cart'
            ? undefined
            : { objects: [], changed: false },
        remove: async () => ({ changed: false }),
      },
    );
    expect(outcomes.map(o => o.entityRef)).toEqual([
      'component:default/checkout',
    ]);
  });

  it('turns a thrown non-Error into an Error naming it', async () => {
    const outcomes = await runEntityChanges(
      { upserts: [], removals: [removal('cart')] },
      {
        upsert: async () => undefined,
        remove: async () => {
          // eslint-disable-next-line no-throw-literal
          throw 'disk full';
        },
      },
    );
    expect(outcomes).toEqual([
      {
        entityRef: 'component:default/cart',
        ok: false,
        error: new Error('disk full'),
      },
    ]);
  });

  it('stops with the abort instead of failing entities one by one', async () => {
    const controller = new AbortController();
    const seen: string[] = [];
    const run = runEntityChanges(
      {
        upserts: [upsert('checkout')],
        removals: [],
        signal: controller.signal,
      },
      {
        upsert: async u => {
          seen.push(u.slug);
          controller.abort(new Error('shutting down'));
          throw new Error('interrupted');
        },
        remove: async () => ({ changed: false }),
      },
    );
    await expect(run).rejects.toThrow('shutting down');
    expect(seen).toEqual(['component-default-checkout']);
  });

  it('runs at most `concurrency` entities at once', async () => {
    let running = 0;
    let most = 0;
    await runEntityChanges(
      {
        upserts: ['a', 'b', 'c', 'd', 'e'].map(upsert),
        removals: [],
      },
      {
        upsert: async () => {
          running += 1;
          most = Math.max(most, running);
          await new Promise(resolve => setTimeout(resolve, 5));
          running -= 1;
          return { objects: [], changed: false };
        },
        remove: async () => ({ changed: false }),
      },
      2,
    );
    expect(most).toBe(2);
  });
});

describe('applyPerEntity', () => {
  it('prunes nothing and reports no drift outside a full sync', async () => {
    const target = new Target();
    target.objects.add('component-default-orphan');
    const result = await applyPerEntity(
      { upserts: [upsert('checkout')], removals: [] },
      target.handlers(),
    );
    expect(result.pruned).toBeUndefined();
    expect(result.drifted).toBeUndefined();
    expect(target.objects.has('component-default-orphan')).toBe(true);
  });

  it('on a full sync prunes what belongs to none of keep and upserts, and reports kept entities with a missing object', async () => {
    const target = new Target();
    for (const id of [
      'component-default-kept',
      'component-default-orphan',
      'component-default-foreign',
    ]) {
      target.objects.add(id);
    }
    target.notPrunable.add('component-default-foreign');
    const changes: SinkChanges = {
      upserts: [upsert('checkout')],
      removals: [],
      keep: [
        keep('kept', ['component-default-kept']),
        keep('lost', ['component-default-lost']),
        keep('empty', []),
      ],
    };

    const result = await applyPerEntity(changes, target.handlers());

    expect(result.pruned).toEqual(['component-default-orphan']);
    expect(result.drifted).toEqual(['component:default/lost']);
    expect([...target.objects].sort()).toEqual([
      'component-default-checkout',
      'component-default-foreign',
      'component-default-kept',
    ]);
  });
});
