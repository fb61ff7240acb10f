import { formatMetricValue } from './metricUnits';

describe('formatMetricValue', () => {
  it.each([
    [0.0125, 'percentunit', '1.25%'],
    [12.5, 'percent', '12.5%'],
    [0.25, 's', '250 ms'],
    [1234, 'ms', '1.23 s'],
    [1536, 'bytes', '1.5 KiB'],
    [1200, 'reqps', '1.2K req/s'],
    [3.456, 'ops', '3.46 ops/s'],
    [1_250_000, 'currencyUSD', '$1.25M'],
    [42, 'currencyEUR', '€42.00'],
    [1500, 'short', '1.5K'],
  ] as const)('formats %s in %s as %s', (value, unit, text) => {
    expect(formatMetricValue(value, unit)).toBe(text);
  });

  it('shows a dash without a sample', () => {
    expect(formatMetricValue(null, 'short')).toBe('–');
  });
});
