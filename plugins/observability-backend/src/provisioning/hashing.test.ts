import { canonicalJson, inputHash } from './hashing';
import { scrapedService } from './__testUtils__/entities';

describe('canonicalJson', () => {
  it('gives the same text whatever the key order, and the text JSON.parse reads back', () => {
    const a = {
      b: [1, { y: 'x', x: null }],
      a: 'text "quoted"',
      skipped: undefined,
    };
    const b = { a: 'text "quoted"', b: [1, { x: null, y: 'x' }] };

    expect(canonicalJson(a)).toBe(canonicalJson(b));
    expect(JSON.parse(canonicalJson(a))).toEqual(b);
    expect(canonicalJson(a)).toBe(
      '{"a":"text \\"quoted\\"","b":[1,{"x":null,"y":"x"}]}',
    );
  });
});

describe('inputHash', () => {
  it('ignores what the catalog changes on its own and sees every annotation change', () => {
    const entity = scrapedService('checkout');
    const refreshed = {
      ...entity,
      metadata: { ...entity.metadata, uid: 'u-2', etag: 'e-2' },
      status: { items: [] },
    };
    const edited = scrapedService('checkout', '99.5');

    expect(inputHash(refreshed, 's')).toBe(inputHash(entity, 's'));
    expect(inputHash(edited, 's')).not.toBe(inputHash(entity, 's'));
    expect(inputHash(entity, 'other settings')).not.toBe(
      inputHash(entity, 's'),
    );
  });
});
