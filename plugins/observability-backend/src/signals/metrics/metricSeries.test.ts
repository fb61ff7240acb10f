import { applyLegend, toMetricSeries } from './metricSeries';

const grid = { start: 0, end: 120_000, step: 60_000 };

describe('toMetricSeries', () => {
  it('keeps the largest series up to the cap and counts the others', () => {
    const data = [1, 5, 3, 4].map(v => ({
      labels: { route: `/r${v}` },
      points: [[0, v] as [number, number]],
    }));
    const { series, omitted } = toMetricSeries(data, grid, {
      legend: 'route {{route}}',
      fallbackName: 'x',
      max: 2,
    });
    expect(series.map(s => s.name)).toEqual(['route /r5', 'route /r4']);
    expect(omitted).toBe(2);
  });

  it('puts every series on the grid, null where it has no sample', () => {
    const { series } = toMetricSeries(
      [{ labels: {}, points: [[60_000, 2]] }],
      grid,
      { fallbackName: 'Orders' },
    );
    expect(series).toEqual([
      {
        name: 'Orders',
        labels: {},
        points: [
          [0, null],
          [60_000, 2],
          [120_000, null],
        ],
      },
    ]);
  });

  it('names series without a legend by their labels', () => {
    const { series } = toMetricSeries(
      [{ labels: { __name__: 'up', job: 'a', instance: 'b' }, points: [] }],
      grid,
      { fallbackName: 'x' },
    );
    expect(series[0].name).toBe('up{instance="b", job="a"}');
  });
});

describe('applyLegend', () => {
  it("fills Grafana's {{label}} placeholders", () => {
    expect(
      applyLegend('{{ method }} {{code}}{{missing}}', {
        method: 'GET',
        code: '200',
      }),
    ).toBe('GET 200');
  });
});
