import { leRegex } from './leMatcher';

/** Prometheus anchors regular expressions at both ends. */
function matches(regex: string, value: string): boolean {
  return new RegExp(`^(?:${regex})$`).test(value);
}

describe('leRegex', () => {
  it.each([
    [
      0.3,
      '0?\\.30*',
      ['0.3', '0.30', '0.300', '.3'],
      ['0.35', '3', '0.03', '30', '0.3e0'],
    ],
    [1, '1(\\.0*)?', ['1', '1.0', '1.00', '1.'], ['10', '0.1', '1.01', '11']],
    [2.5, '2\\.50*', ['2.5', '2.50'], ['2.55', '25', '2']],
    [10, '10(\\.0*)?', ['10', '10.0'], ['1', '100', '10.5']],
    [0.05, '0?\\.050*', ['0.05', '.05', '0.050'], ['0.5', '0.005', '0.055']],
  ])(
    'matches every decimal spelling of %p and nothing else',
    (threshold, regex, spellings, others) => {
      expect(leRegex(threshold)).toBe(regex);
      for (const spelling of spellings) {
        expect(matches(regex, spelling)).toBe(true);
      }
      for (const other of others) {
        expect(matches(regex, other)).toBe(false);
      }
    },
  );

  it("matches client_golang's exponent spelling of tiny and huge thresholds", () => {
    const tiny = leRegex(0.00005);
    expect(matches(tiny, '5e-05')).toBe(true);
    expect(matches(tiny, '0.00005')).toBe(true);
    expect(matches(tiny, '5e-5')).toBe(false);
    const huge = leRegex(1000000);
    expect(matches(huge, '1e+06')).toBe(true);
    expect(matches(huge, '1000000.0')).toBe(true);
  });

  it('matches the spelling Prometheus 3 normalises integers to', () => {
    expect(matches(leRegex(1), '1.0')).toBe(true);
    expect(matches(leRegex(5), '5.0')).toBe(true);
  });

  it('rejects thresholds that are not positive', () => {
    expect(() => leRegex(0)).toThrow('latency threshold');
    expect(() => leRegex(Number.POSITIVE_INFINITY)).toThrow(
      'latency threshold',
    );
  });
});
