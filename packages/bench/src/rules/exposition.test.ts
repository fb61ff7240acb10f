/*
 * Reading Prometheus' own metrics in the rules benchmark (src/rules/exposition).
 */
import { parseExposition, parseSampleValue } from './exposition';

describe('parseExposition', () => {
  it('reads the wanted samples with their labels, escaped quotes included', () => {
    const text = [
      '# HELP prometheus_rule_group_last_duration_seconds The duration of the last rule group evaluation.',
      '# TYPE prometheus_rule_group_last_duration_seconds gauge',
      'prometheus_rule_group_last_duration_seconds{rule_group="/r.yml;lookout/a \\"b\\""} 0.25',
      'process_cpu_seconds_total 12.5',
      'go_goroutines 42',
    ].join('\n');
    expect(
      parseExposition(
        text,
        new Set([
          'prometheus_rule_group_last_duration_seconds',
          'process_cpu_seconds_total',
        ]),
      ),
    ).toEqual([
      {
        name: 'prometheus_rule_group_last_duration_seconds',
        labels: { rule_group: '/r.yml;lookout/a "b"' },
        value: 0.25,
      },
      { name: 'process_cpu_seconds_total', labels: {}, value: 12.5 },
    ]);
  });

  it('reads NaN and infinities as Prometheus writes them', () => {
    expect(parseSampleValue('NaN')).toBeNaN();
    expect(parseSampleValue('+Inf')).toBe(Infinity);
    expect(parseSampleValue('-Inf')).toBe(-Infinity);
  });
});
