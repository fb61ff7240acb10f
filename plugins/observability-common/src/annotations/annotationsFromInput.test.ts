import { annotationsFromInput } from './annotationsFromInput';

describe('annotationsFromInput', () => {
  it('writes the latency preset as "<objective>% < <threshold>" and objectives as strings', () => {
    expect(
      annotationsFromInput({
        availabilityObjective: 99.95,
        latencyObjective: '99',
        latencyThreshold: '250ms',
        metricsPort: 9090,
      }),
    ).toEqual({
      ok: true,
      value: {
        'lookout.dev/metrics-port': '9090',
        'lookout.dev/slo-availability': '99.95',
        'lookout.dev/slo-latency': '99% < 250ms',
      },
    });
  });

  it('leaves out empty and blank fields, as forms send them', () => {
    expect(
      annotationsFromInput({ metricsPath: '', window: '  ', slos: [] }),
    ).toEqual({ ok: true, value: {} });
  });

  it('writes a list of SLO definitions as YAML text', () => {
    const result = annotationsFromInput({
      slos: [{ name: 'orders', objective: 99 }],
    });
    expect(result).toEqual({
      ok: true,
      value: { 'lookout.dev/slos': '- name: orders\n  objective: 99\n' },
    });
  });

  it('names the missing half of a latency SLO', () => {
    expect(annotationsFromInput({ latencyThreshold: '300ms' })).toEqual({
      ok: false,
      message: expect.stringMatching(/^latencyObjective: is missing/),
    });
    expect(annotationsFromInput({ latencyObjective: 99 })).toEqual({
      ok: false,
      message: expect.stringMatching(/^latencyThreshold: is missing/),
    });
  });
});
