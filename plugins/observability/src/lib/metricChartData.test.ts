import { MetricPanel } from '@lookout/plugin-observability-common';
import { chartRows, describePanel } from './metricChartData';

const panel: MetricPanel = {
  title: 'Orders',
  description: '',
  unit: 'short',
  kind: 'line',
  query: 'x',
  source: 'lookout.dev/panels',
  series: [
    {
      name: 'DE',
      labels: {},
      points: [
        [1, 2],
        [2, null],
      ],
    },
    {
      name: 'FR',
      labels: {},
      points: [
        [1, 3],
        [2, 4],
      ],
    },
  ],
  omittedSeries: 3,
};

describe('chartRows', () => {
  it('puts every series of a time on one row', () => {
    expect(chartRows(panel)).toEqual([
      { t: 1, s0: 2, s1: 3 },
      { t: 2, s0: null, s1: 4 },
    ]);
  });
});

describe('describePanel', () => {
  it('names the series and counts those not shown', () => {
    expect(describePanel(panel)).toBe(
      '2 series: DE, FR. 3 more series not shown.',
    );
  });

  it('says why a failed panel has no data', () => {
    expect(describePanel({ ...panel, series: [], error: 'timeout' })).toBe(
      'No data: timeout',
    );
  });
});
