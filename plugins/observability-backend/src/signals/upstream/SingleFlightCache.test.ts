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

  describe('byte budget', () => {
    const sized = (bytes: number) => async () => ({ bytes });
    const cacheOf = (now: () => number) =>
      new SingleFlightCache<{ bytes: number }>({
        ttlMs: 1000,
        maxBytes: 1000,
        sizeOf: value => value.bytes,
        now,
      });

    it('never holds more answer bytes than maxBytes, however many distinct keys come', async () => {
      const cache = cacheOf(() => 0);
      for (let i = 0; i < 50; i++) {
        await cache.get(`k${i}`, sized(200));
        // Budget 1000 with answers of 200 bytes: five fit, never six.
        expect(cache.bytes).toBeLessThanOrEqual(1000);
      }
      expect(cache.bytes).toBe(1000);
      expect(cache.size).toBe(5);
    });

    it('does not keep an answer larger than a quarter of the budget', async () => {
      const cache = cacheOf(() => 0);
      await cache.get('small', sized(100));
      const big = await cache.get('big', sized(251));
      // The caller still gets the big answer, but it is not kept, and it evicted nothing.
      expect(big).toEqual({ bytes: 251 });
      expect(cache.bytes).toBe(100);
      expect(cache.size).toBe(1);
    });

    it('sweeps expired answers on the next access, releasing their bytes', async () => {
      let now = 0;
      const cache = cacheOf(() => now);
      await cache.get('a', sized(200));
      await cache.get('b', sized(200));
      expect(cache.bytes).toBe(400);
      now = 1000; // both expire (TTL 1000 ms)
      await cache.get('c', sized(100));
      expect(cache.size).toBe(1);
      expect(cache.bytes).toBe(100);
    });

    it('sweeps expired answers when asked, without an access', async () => {
      let now = 0;
      const cache = cacheOf(() => now);
      await cache.get('a', sized(200));
      now = 1000;
      cache.sweep();
      expect(cache.size).toBe(0);
      expect(cache.bytes).toBe(0);
    });
  });
});
