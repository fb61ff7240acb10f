import { entityWithSlos } from '../__testUtils__/specs';
import { EntitySpecCache } from './EntitySpecCache';

describe('EntitySpecCache', () => {
  it('answers the same parse for an unchanged entity and parses a changed one again', () => {
    const cache = new EntitySpecCache({});
    const entity = entityWithSlos('checkout', 2);
    const first = cache.parse(entity);
    expect(cache.parse(structuredClone(entity))).toBe(first);
    const changed = entityWithSlos('checkout', 3);
    expect(cache.parse(changed).spec.slos).toHaveLength(3);
    expect(first.spec.slos).toHaveLength(2);
  });

  it('keeps at most maxEntries parses', () => {
    const cache = new EntitySpecCache({}, 2);
    const a = cache.parse(entityWithSlos('a', 1));
    cache.parse(entityWithSlos('b', 1));
    cache.parse(entityWithSlos('c', 1));
    expect(cache.parse(entityWithSlos('a', 1))).not.toBe(a);
  });
});
