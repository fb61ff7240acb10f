import { annotationDocs, annotationsYaml } from './annotationsYaml';

describe('annotationsYaml', () => {
  it('writes each documented example under metadata.annotations, quoted or as a block', () => {
    const docs = annotationDocs([
      'lookout.dev/slo-availability',
      'lookout.dev/logs-selector',
      'lookout.dev/slos',
    ]);

    expect(annotationsYaml(docs)).toBe(
      [
        'metadata:',
        '  annotations:',
        '    lookout.dev/slo-availability: "99.9"',
        '    lookout.dev/slos: |',
        '      - name: availability',
        '        objective: 99.9',
        '        ratio:',
        '          errors: http_requests_total{job="checkout", code=~"5.."}',
        '          total: http_requests_total{job="checkout"}',
        '    lookout.dev/logs-selector: "{namespace=\\"shop\\", app=\\"checkout\\"}"',
      ].join('\n'),
    );
  });

  it('keeps the documented order and skips unknown keys', () => {
    expect(
      annotationDocs([
        'lookout.dev/runbook-url',
        'nope',
        'lookout.dev/metrics-port',
      ]).map(doc => doc.annotation),
    ).toEqual(['lookout.dev/metrics-port', 'lookout.dev/runbook-url']);
  });
});
