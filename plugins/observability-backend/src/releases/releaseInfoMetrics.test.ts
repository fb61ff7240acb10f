import { releaseInfoMetrics } from './releaseInfoMetrics';

describe('releaseInfoMetrics', () => {
  it('writes one series per release, time as the value, label values escaped', () => {
    expect(
      releaseInfoMetrics([
        {
          id: '1',
          entityRef: 'component:default/checkout',
          version: 'v1.4.2',
          at: 1_764_000_000_000,
          url: 'https://ci.example.com/run?x="1"',
          kind: 'fix',
          createdBy: 'user:default/ci',
        },
        {
          id: '2',
          entityRef: 'component:default/cart',
          version: 'a\\b',
          at: 1_764_000_060_000,
          createdBy: 'external:ci',
        },
      ]),
    ).toBe(
      [
        '# HELP lookout_release_info Recent releases recorded in Lookout; the value is the release time in epoch milliseconds.',
        '# TYPE lookout_release_info gauge',
        'lookout_release_info{backstage_entity="component:default/checkout",version="v1.4.2",kind="fix",url="https://ci.example.com/run?x=\\"1\\""} 1764000000000',
        'lookout_release_info{backstage_entity="component:default/cart",version="a\\\\b"} 1764000060000',
        '',
      ].join('\n'),
    );
  });
});
