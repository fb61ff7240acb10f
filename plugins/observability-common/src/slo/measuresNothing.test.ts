import { SloSpec } from '../spec/types';
import { measuresNothing } from './measuresNothing';

const total = {
  metric: 'http_requests_total',
  matchers: [
    { name: 'job', op: '=' as const, value: 'checkout' },
    { name: 'env', op: '=' as const, value: 'prod' },
  ],
};

describe('measuresNothing', () => {
  it('says why when errors select the same series as total', () => {
    const indicator: SloSpec['indicator'] = {
      type: 'ratio',
      errors: { ...total, matchers: [...total.matchers].reverse() },
      total,
    };
    expect(measuresNothing(indicator)).toEqual({
      path: 'ratio.errors',
      message:
        'selects the same series as total: every event counts as an error, so the SLO is always broken and measures nothing; add the matcher that picks failed events, e.g. code=~"5.."',
    });
  });

  it('says why when good selects the same series as total', () => {
    expect(measuresNothing({ type: 'ratio', good: total, total })).toEqual({
      path: 'ratio.good',
      message:
        'selects the same series as total: no event is ever bad, so the SLO can never be broken and measures nothing; add the matcher that picks successful events, e.g. code!~"5.."',
    });
  });

  it('accepts errors that narrow total', () => {
    expect(
      measuresNothing({
        type: 'ratio',
        errors: {
          ...total,
          matchers: [
            ...total.matchers,
            { name: 'code', op: '=~', value: '5..' },
          ],
        },
        total,
      }),
    ).toBeUndefined();
  });
});
