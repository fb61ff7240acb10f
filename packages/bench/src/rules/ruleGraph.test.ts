/*
 * Which recording rules the rules benchmark backfills, and in which order (src/rules/ruleGraph).
 */
import {
  backfillLevels,
  recordingRules,
  rulesReadOverRanges,
  selectedMetrics,
} from './ruleGraph';

describe('selectedMetrics', () => {
  it('tells selectors read over a range or by a subquery from instant ones', () => {
    expect(
      selectedMetrics(
        'sum_over_time(a{x="1"}[30d]) / (b > 0) + max_over_time(c[1h:5m]) or {job="j"}',
      ),
    ).toEqual([
      { name: 'a', overRange: true },
      { name: 'b', overRange: false },
      { name: 'c', overRange: true },
    ]);
  });

  it('rejects text that is not PromQL', () => {
    expect(() => selectedMetrics('sum(')).toThrow(/not valid PromQL/);
  });
});

describe('backfill levels', () => {
  const groups = [
    {
      name: 'main',
      rules: [
        {
          record: 'errors:rate5m',
          expr: 'sum(rate(http_requests_total{code="500"}[5m]))',
        },
        { record: 'total:rate5m', expr: 'sum(rate(http_requests_total[5m]))' },
        { record: 'ratio:5m', expr: 'errors:rate5m / total:rate5m' },
        { alert: 'Burn', expr: 'ratio:5m > 0.1' },
      ],
    },
    {
      name: 'sums',
      interval: '5m',
      rules: [
        { record: 'errors:sum5m', expr: 'sum_over_time(errors:rate5m[5m])' },
        { record: 'total:sum5m', expr: 'sum_over_time(total:rate5m[5m])' },
      ],
    },
    {
      name: 'budget',
      rules: [
        {
          record: 'ratio:30d',
          expr: 'sum_over_time(errors:sum5m[30d]) / sum_over_time(total:sum5m[30d])',
        },
      ],
    },
  ];

  it('backfills what other rules read over ranges, inputs first', () => {
    const levels = backfillLevels(
      recordingRules(groups),
      rulesReadOverRanges(groups),
    );
    expect(levels.map(level => level.map(rule => rule.record))).toEqual([
      ['errors:rate5m', 'total:rate5m'],
      ['errors:sum5m', 'total:sum5m'],
    ]);
  });

  it('puts a rule after every rule recording what it reads', () => {
    const all = recordingRules(groups);
    const levels = backfillLevels(
      all,
      all.filter(rule => rule.record === 'ratio:30d'),
    );
    expect(levels.map(level => level.map(rule => rule.record))).toEqual([
      ['errors:rate5m', 'total:rate5m'],
      ['errors:sum5m', 'total:sum5m'],
      ['ratio:30d'],
    ]);
  });

  it('refuses rules that read each other in a cycle', () => {
    const cycle = [
      { record: 'a', expr: 'b + 1' },
      { record: 'b', expr: 'a + 1' },
    ];
    expect(() => backfillLevels(cycle, cycle)).toThrow(/cycle/);
  });
});
