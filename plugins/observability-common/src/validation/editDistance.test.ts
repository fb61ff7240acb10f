import { closestMatch, editDistance } from './editDistance';

describe('editDistance', () => {
  it.each([
    ['slos', 'slos', 0],
    ['slo', 'slos', 1],
    ['slso', 'slos', 1],
    ['metric-port', 'metrics-port', 1],
    ['kitten', 'sitting', 3],
    ['', 'abc', 3],
  ])('%s → %s is %d', (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
  });
});

describe('closestMatch', () => {
  const keys = [
    'slos',
    'slo-window',
    'metrics-port',
    'metrics-path',
    'dashboard',
  ];

  it('suggests the closest key for a typo', () => {
    expect(closestMatch('slo-windw', keys)).toBe('slo-window');
    expect(closestMatch('dashbaord', keys)).toBe('dashboard');
    expect(closestMatch('Dashboard', keys)).toBe('dashboard');
  });

  it('suggests nothing when no key is close', () => {
    expect(closestMatch('pagerduty', keys)).toBeUndefined();
    expect(closestMatch('foo', ['good', 'total'])).toBeUndefined();
  });
});
