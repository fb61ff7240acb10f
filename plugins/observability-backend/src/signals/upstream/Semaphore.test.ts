import { Semaphore } from './Semaphore';

describe('Semaphore', () => {
  it('lets at most `limit` holders in and hands slots on in arrival order', async () => {
    const semaphore = new Semaphore(2);
    const order: string[] = [];
    const first = await semaphore.acquire();
    const second = await semaphore.acquire();
    const third = semaphore.acquire().then(release => {
      order.push('third');
      return release;
    });
    const fourth = semaphore.acquire().then(release => {
      order.push('fourth');
      return release;
    });
    expect(semaphore.available).toBe(0);
    expect(semaphore.waiting).toBe(2);
    first();
    first(); // a second call does not free a second slot
    (await third)();
    second();
    (await fourth)();
    expect(order).toEqual(['third', 'fourth']);
    expect(semaphore.available).toBe(2);
  });

  it('drops a waiter whose signal aborts, so it never takes a slot', async () => {
    const semaphore = new Semaphore(1);
    const held = await semaphore.acquire();
    const controller = new AbortController();
    const waiting = semaphore.acquire(controller.signal);
    controller.abort(new Error('gave up'));
    await expect(waiting).rejects.toThrow('gave up');
    expect(semaphore.waiting).toBe(0);
    held();
    expect(semaphore.available).toBe(1);
  });

  it('refuses a limit below 1', () => {
    expect(() => new Semaphore(0)).toThrow(/positive integer/);
  });

  describe('fairness between callers', () => {
    it('gives one caller at most perKeyLimit slots, leaving the others to other callers', async () => {
      const semaphore = new Semaphore(4, { perKeyLimit: 2 });
      await semaphore.acquire(undefined, 'user:default/mallory');
      await semaphore.acquire(undefined, 'user:default/mallory');
      let third = false;
      semaphore
        .acquire(undefined, 'user:default/mallory')
        .then(() => (third = true));
      // Two slots are still free, but not for mallory.
      await Promise.resolve();
      expect(third).toBe(false);
      expect(semaphore.available).toBe(2);
      await expect(
        semaphore.acquire(undefined, 'user:default/alice'),
      ).resolves.toEqual(expect.any(Function));
    });

    it('hands a freed slot to the callers in turn, not to the one with the longest queue', async () => {
      const semaphore = new Semaphore(1);
      const held = await semaphore.acquire(undefined, 'mallory');
      const order: string[] = [];
      const wait = (key: string) =>
        semaphore.acquire(undefined, key).then(release => {
          order.push(key);
          release();
        });
      const all = [
        wait('mallory'),
        wait('mallory'),
        wait('mallory'),
        wait('alice'),
        wait('bob'),
      ];
      held();
      await Promise.all(all);
      expect(order).toEqual(['mallory', 'alice', 'bob', 'mallory', 'mallory']);
    });

    it('refuses a perKeyLimit below 1', () => {
      expect(() => new Semaphore(2, { perKeyLimit: 0 })).toThrow(
        /perKeyLimit must be a positive integer/,
      );
    });
  });
});
