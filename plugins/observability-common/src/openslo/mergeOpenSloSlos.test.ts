import { Entity } from '@backstage/catalog-model';
import { parseObservabilitySpec } from '../spec/parseObservabilitySpec';
import { componentEntity, openSloV1RatioSlo } from '../testUtils';
import { mergeOpenSloSlos } from './mergeOpenSloSlos';

const OPENSLO = openSloV1RatioSlo({
  name: 'reads',
  bad: `'http_requests_total{code=~"5.."}'`,
  total: 'http_requests_total',
  objectives: '[{ target: 0.995 }]',
});

function entity(annotations: Record<string, string>): Entity {
  return componentEntity(
    {
      'lookout.dev/metrics-port': 'http',
      'lookout.dev/openslo': './slos.yaml',
      ...annotations,
    },
    { name: 'inventory', owner: 'team' },
  );
}

function merge(annotations: Record<string, string>, text = OPENSLO) {
  const e = entity(annotations);
  return mergeOpenSloSlos(e, parseObservabilitySpec(e).spec, text);
}

describe('mergeOpenSloSlos', () => {
  it('gives documents without a window the entity window, hours included', () => {
    expect(
      merge({ 'lookout.dev/slo-window': '720h' }).slos.map(s => s.window),
    ).toEqual(['720h']);
    expect(
      merge({ 'lookout.dev/slo-window': '4w' }).slos.map(s => s.window),
    ).toEqual(['4w']);
  });

  it('falls back to 30d when the entity window is not a valid one', () => {
    expect(
      merge({ 'lookout.dev/slo-window': '200d' }).slos.map(s => s.window),
    ).toEqual(['30d']);
    expect(merge({}).slos.map(s => s.window)).toEqual(['30d']);
  });

  it('adds the documents after the annotation SLOs and reports a name already taken', () => {
    const { slos, problems } = merge({
      'lookout.dev/slo-availability': '99.9',
    });
    expect(slos.map(s => [s.name, s.source])).toEqual([
      ['availability', 'preset'],
      ['reads', 'openslo'],
    ]);
    expect(problems).toEqual([]);
    const taken = merge(
      { 'lookout.dev/slo-availability': '99.9' },
      OPENSLO.replace('name: reads\n', 'name: availability\n'),
    );
    expect(taken.slos.map(s => s.name)).toEqual(['availability']);
    expect(taken.problems).toEqual([
      {
        severity: 'error',
        annotation: 'lookout.dev/openslo',
        path: '',
        message: 'SLO "availability" is already defined by another annotation',
      },
    ]);
  });
});
