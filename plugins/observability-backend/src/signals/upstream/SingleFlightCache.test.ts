import { SingleFlightCache } from './SingleFlightCache';

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('SingleFlightCache', () => {
  it('shares one load among concurrent callers of the same key', async () => {
    const cache = new SingleFlightCache<number>({ ttlMs: 0 });
    const pending = deferred<number>();
    let loads = 0;
    const load = () => {
      loads += 1;
      return pending.promise;
    };
    const a = cache.get('k', load);
    const b = cache.get('k', load);
    pending.resolve(42);
    await expect(Promise.all([a, b])).resolves.toEqual([42, 42]);
    expect(loads).toBe(1);
  });

  it('serves a fresh answer from the cache until the TTL passes', async () => {
    let now = 1000;
    const cache = new SingleFlightCache<number>({ ttlMs: 100, now: () => now });
    let loads = 0;
    const load = async () => ++loads;
    expect(await cache.get('k', load)).toBe(1);
    now += 99;
    expect(await cache.get('k', load)).toBe(1);
    now += 1;
    expect(await cache.get('k', load)).toBe(2);
  });

  it('shares a failure with the waiting callers but never caches it', async () => {
    const cache = new SingleFlightCache<number>({ ttlMs: 10_000 });
    const pending = deferred<number>();
    const a = cache.get('k', () => pending.promise);
    const b = cache.get('k', () => pending.promise);
    pending.reject(new Error('down'));
    await expect(a).rejects.toThrow('down');
    await expect(b).rejects.toThrow('down');
    expect(await cache.get('k', async () => 7)).toBe(7);
  });

  it('keeps at most maxEntries answers', async () => {
    const cache = new SingleFlightCache<number>({
      ttlMs: 10_000,
      maxEntries: 2,
    });
    await cache.get('a', async () => 1);
    await cache.get('b', async () => 2);
    await cache.get('c', async () => 3);
    expect(cache.size).toBe(2);
    // `a` was the oldest and is loaded again.
    expect(await cache.get('a', async () => 10)).toBe(10);
  });
});
