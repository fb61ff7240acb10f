import fc from 'fast-check';
import { dashboardUid } from '../rules/dashboardUid';
import { decodeEntitySlug, entityNameProblem, entitySlug } from './entitySlug';

const DNS_1123_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
const GRAFANA_UID = /^[A-Za-z0-9_-]{1,40}$/;

/** Refs within Backstage's rules, biased towards separators (where collisions hide). */
const alnum = fc.constantFrom(...'abz09AZ');
const sep = fc.constantFrom('-', '_', '.');
const kind = fc
  .tuple(
    fc.constantFrom('c', 'Component', 'resource', 'k'.repeat(40)),
    fc.string({ unit: alnum, maxLength: 3 }),
  )
  .map(([a, b]) => `${a}${b}`);
const namespace = fc
  .array(
    fc.string({
      unit: fc.constantFrom('a', 'b', '0'),
      minLength: 1,
      maxLength: 4,
    }),
    {
      minLength: 1,
      maxLength: 4,
    },
  )
  .chain(words =>
    fc
      .array(fc.integer({ min: 1, max: 3 }), {
        minLength: words.length - 1,
        maxLength: words.length - 1,
      })
      .map(dashes =>
        words
          .map((w, i) => (i === 0 ? w : '-'.repeat(dashes[i - 1]) + w))
          .join(''),
      ),
  );
const name = fc
  .tuple(
    fc.string({ unit: alnum, minLength: 1, maxLength: 3 }),
    fc.array(
      fc.tuple(
        fc.string({ unit: sep, minLength: 1, maxLength: 3 }),
        fc.string({ unit: alnum, minLength: 1, maxLength: 3 }),
      ),
      { maxLength: 5 },
    ),
    fc.constantFrom('', 'x'.repeat(50)),
  )
  .map(
    ([first, rest, tail]) =>
      `${first}${rest.map(([s, w]) => s + w).join('')}${tail}`,
  )
  .filter(n => n.length <= 63);
const ref = fc
  .tuple(kind, namespace, name)
  .map(([k, ns, n]) => `${k}:${ns}/${n}`);
const canonical = (r: string) => r.toLocaleLowerCase('en-US');

describe('entitySlug', () => {
  it('is <kind>-<namespace>-<name> for refs without separators in the namespace', () => {
    expect(entitySlug('component:default/checkout')).toBe(
      'component-default-checkout',
    );
    expect(entitySlug('component:default/my-app')).toBe(
      'component-default-my-app',
    );
    expect(entitySlug('component:default/Checkout')).toBe(
      'component-default-checkout',
    );
  });

  it('gives component:team-a/checkout and component:team/a-checkout different folders', () => {
    expect(entitySlug('component:team-a/checkout')).toBe(
      'component-team--a-checkout',
    );
    expect(entitySlug('component:team/a-checkout')).toBe(
      'component-team-a-checkout',
    );
  });

  it('writes separators a DNS label cannot hold as letters between dashes', () => {
    expect(entitySlug('component:default/my_app')).toBe(
      'component-default-my--u-app',
    );
    expect(entitySlug('component:default/my.app')).toBe(
      'component-default-my--p-app',
    );
    expect(entitySlug('component:default/my--app')).toBe(
      'component-default-my--dd-app',
    );
  });

  it('cuts long refs to 63 characters with a hash, marked so that no uncut name equals them', () => {
    const long = 'a'.repeat(60);
    const first = entitySlug(`component:default/${long}1`);
    expect(first).toHaveLength(63);
    expect(first).toMatch(DNS_1123_LABEL);
    expect(first).toMatch(/^componen--default-a+-[0-9a-z]{16}$/);
    expect(first).not.toBe(entitySlug(`component:default/${long}2`));
    expect(decodeEntitySlug(first)).toBeUndefined();
  });

  it('names the part of a ref outside Backstage rules instead of naming the entity', () => {
    expect(entityNameProblem('comp-onent:default/x')).toEqual({
      field: 'kind',
      message: expect.stringContaining('"comp-onent"'),
    });
    expect(entityNameProblem('component:Team_A/x')).toEqual({
      field: 'metadata.namespace',
      message: expect.stringContaining('"Team_A"'),
    });
    expect(entityNameProblem('component:default/x-')).toEqual({
      field: 'metadata.name',
      message: expect.stringContaining('"x-"'),
    });
    expect(entityNameProblem('component:default/checkout')).toBeUndefined();
    expect(() => entitySlug('comp-onent:default/x')).toThrow(/kind/);
  });

  it('never gives two distinct refs the same name, and every name not cut decodes back', () => {
    // A property over random pairs: which assertions apply depends on the pair drawn.
    /* eslint-disable jest/no-conditional-expect */
    fc.assert(
      fc.property(ref, ref, (a, b) => {
        const slugA = entitySlug(a);
        expect(slugA).toMatch(DNS_1123_LABEL);
        if (!/^[a-z0-9]{1,8}--/.test(slugA)) {
          expect(decodeEntitySlug(slugA)).toBe(canonical(a));
        }
        if (canonical(a) !== canonical(b)) {
          expect(entitySlug(b)).not.toBe(slugA);
          expect(dashboardUid(b)).not.toBe(dashboardUid(a));
        }
        expect(dashboardUid(a)).toMatch(GRAFANA_UID);
      }),
      { numRuns: 3000 },
    );
    /* eslint-enable jest/no-conditional-expect */
  });

  it('keeps apart adversarial pairs that share a name when the parts are joined with -', () => {
    const pairs = [
      ['component:team-a/checkout', 'component:team/a-checkout'],
      ['component:a--b/c', 'component:a-b/-c'],
      ['component:default/my_app', 'component:default/my-app'],
      ['component:default/my.app', 'component:default/my--p-app'],
      ['component:default/a_b', 'component:default/a--u-b'],
      ['component:a/b--u-c', 'component:a/b_c'],
    ];
    for (const [a, b] of pairs) {
      if (entityNameProblem(b) !== undefined) continue;
      expect(entitySlug(a)).not.toBe(entitySlug(b));
    }
  });
});
