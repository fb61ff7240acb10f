import { entitySlug } from './entitySlug';

const DNS_1123_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

describe('entitySlug', () => {
  it('is <kind>-<namespace>-<name> for plain refs', () => {
    expect(entitySlug('component:default/checkout')).toBe(
      'component-default-checkout',
    );
  });

  it('lowercases without a hash when nothing else changes', () => {
    expect(entitySlug('component:default/Checkout')).toBe(
      'component-default-checkout',
    );
  });

  it('keeps refs apart that differ only in characters a DNS label cannot hold', () => {
    const underscore = entitySlug('component:default/my_app');
    const dot = entitySlug('component:default/my.app');
    const dash = entitySlug('component:default/my-app');
    expect(new Set([underscore, dot, dash]).size).toBe(3);
    expect(dash).toBe('component-default-my-app');
    expect(underscore).toMatch(/^component-default-my-app-[0-9a-f]{8}$/);
  });

  it('shortens long refs to 63 characters with a hash, keeping them distinct', () => {
    const long = 'a'.repeat(60);
    const first = entitySlug(`component:default/${long}1`);
    const second = entitySlug(`component:default/${long}2`);
    expect(first).toHaveLength(63);
    expect(first).toMatch(DNS_1123_LABEL);
    expect(first).not.toBe(second);
  });

  it('always yields a DNS-1123 label', () => {
    for (const ref of [
      'component:default/x',
      'resource:my-namespace/DB_primary.eu',
      `system:${'n'.repeat(63)}/${'m'.repeat(63)}`,
    ]) {
      expect(entitySlug(ref)).toMatch(DNS_1123_LABEL);
    }
  });
});
