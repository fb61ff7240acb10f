import { Entity } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import { readObservabilityConfig } from '../config/readObservabilityConfig';
import { renderAnnotatedEntity } from './renderAnnotatedEntity';
import { renderEntity } from './renderEntity';
import { parseObservabilitySpec } from '@lookout/plugin-observability-common';

const settings = readObservabilityConfig(new ConfigReader({}));

function component(
  annotations: Record<string, string>,
  kind = 'Component',
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: { name: 'checkout', annotations },
    spec: { type: 'service', owner: 'team-shop', lifecycle: 'production' },
  };
}

const ANNOTATED = {
  'lookout.dev/metrics-port': 'http',
  'lookout.dev/slo-availability': '99.9',
};

describe('renderAnnotatedEntity', () => {
  it('renders what renderEntity renders from the parsed spec', () => {
    const entity = component(ANNOTATED);
    const outcome = renderAnnotatedEntity(entity, undefined, settings);
    const { spec } = parseObservabilitySpec(entity, settings.parseOptions);
    expect(outcome.failedAt).toBeUndefined();
    // Compared as JSON: the dashboard model holds builder class instances.
    expect(JSON.stringify(outcome.render)).toBe(
      JSON.stringify(renderEntity({ entity, spec }, settings.renderOptions)),
    );
  });

  it('stops at the annotations, naming the field, and renders nothing', () => {
    const outcome = renderAnnotatedEntity(
      component({ ...ANNOTATED, 'lookout.dev/slo-availability': '100' }),
      undefined,
      settings,
    );
    expect(outcome.failedAt).toBe('annotations');
    expect(outcome.render).toBeUndefined();
    expect(outcome.problems[0].annotation).toBe('lookout.dev/slo-availability');
  });

  it('reports a ref that cannot be named on its field instead of throwing', () => {
    const outcome = renderAnnotatedEntity(
      component(ANNOTATED, 'Comp_onent'),
      undefined,
      settings,
    );
    expect(outcome.failedAt).toBe('annotations');
    expect(outcome.problems).toEqual([
      expect.objectContaining({ severity: 'error', annotation: 'kind' }),
    ]);
    // A kind with the ref's own separator is still reported on the kind.
    expect(
      renderAnnotatedEntity(
        component(ANNOTATED, 'Comp:onent'),
        undefined,
        settings,
      ).problems,
    ).toEqual([
      {
        severity: 'error',
        annotation: 'kind',
        path: '',
        message: '"Comp:onent" is not a valid entity kind (letters and digits)',
      },
    ]);
  });

  it('reports OpenSLO documents that could not be read on lookout.dev/openslo', () => {
    const outcome = renderAnnotatedEntity(
      component({ ...ANNOTATED, 'lookout.dev/openslo': './slos.yaml' }),
      { error: 'cannot read ./slos.yaml' },
      settings,
    );
    expect(outcome.failedAt).toBe('openslo');
    expect(outcome.problems).toEqual([
      {
        severity: 'error',
        annotation: 'lookout.dev/openslo',
        path: '',
        message: 'cannot read ./slos.yaml',
      },
    ]);
  });
});
