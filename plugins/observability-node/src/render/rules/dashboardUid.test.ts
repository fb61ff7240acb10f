import { DASHBOARD_UID_MAX_LENGTH, dashboardUid } from './dashboardUid';

const VALID = /^[A-Za-z0-9_-]{1,40}$/;

describe('dashboardUid', () => {
  it('spells short refs out', () => {
    expect(dashboardUid('component:default/checkout')).toBe(
      'component_default_checkout',
    );
    expect(dashboardUid('Component:Default/Checkout')).toBe(
      'component_default_checkout',
    );
  });

  it('gives distinct uids where a dash-joined slug would collide', () => {
    const a = dashboardUid('component:default/a-b');
    const b = dashboardUid('component:default-a/b');
    expect(a).not.toBe(b);
    expect(dashboardUid('component:default/my_app')).not.toBe(
      dashboardUid('component:default/my-app'),
    );
  });

  it('hashes names with characters a uid cannot hold', () => {
    const uid = dashboardUid('component:default/api.v2');
    expect(uid).toMatch(VALID);
    expect(uid).not.toBe(dashboardUid('component:default/api-v2'));
  });

  it('cuts long refs to 40 characters with a stable hash', () => {
    const ref = `component:production-eu-west-1/${'very-long-service-name'.repeat(
      3,
    )}`;
    const uid = dashboardUid(ref);
    expect(uid).toMatch(VALID);
    expect(uid.length).toBeLessThanOrEqual(DASHBOARD_UID_MAX_LENGTH);
    expect(uid).toBe(dashboardUid(ref));
    expect(uid).toMatch(/^componen__production-eu-[0-9a-z]{16}$/);
    expect(dashboardUid(`${ref}x`)).not.toBe(uid);
  });
});
