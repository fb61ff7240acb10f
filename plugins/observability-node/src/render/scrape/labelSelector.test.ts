import { parseLabelSelector } from './labelSelector';

describe('parseLabelSelector', () => {
  it('turns equality requirements into matchLabels', () => {
    expect(parseLabelSelector('app=checkout, tier==web')).toEqual({
      matchLabels: { app: 'checkout', tier: 'web' },
    });
  });

  it('turns set, inequality and existence requirements into matchExpressions in order', () => {
    expect(
      parseLabelSelector(
        'app.kubernetes.io/name=checkout,env in (prod, staging),track notin (canary),zone!=b,release,!legacy',
      ),
    ).toEqual({
      matchLabels: { 'app.kubernetes.io/name': 'checkout' },
      matchExpressions: [
        { key: 'env', operator: 'In', values: ['prod', 'staging'] },
        { key: 'track', operator: 'NotIn', values: ['canary'] },
        { key: 'zone', operator: 'NotIn', values: ['b'] },
        { key: 'release', operator: 'Exists' },
        { key: 'legacy', operator: 'DoesNotExist' },
      ],
    });
  });

  it('accepts an empty value, which selects objects whose label is empty', () => {
    expect(parseLabelSelector('app=')).toEqual({ matchLabels: { app: '' } });
  });

  it.each([
    ['', 'the selector is empty'],
    ['app=checkout,', 'empty requirement'],
    ['env in (prod', 'unbalanced "("'],
    ['env in ()', 'empty value set'],
    ['app=check out', 'not a label requirement'],
    ['-app=x', 'not a valid label key'],
    ['app=a/b', 'not a valid value'],
    ['app=a,app=b', 'two values'],
  ])('rejects %j (%s)', (selector, message) => {
    expect(() => parseLabelSelector(selector)).toThrow(message);
  });
});
