/*
 * The deploy annotations as parseObservabilitySpec reads them from an entity.
 */
import { parseObservabilitySpec } from '../spec/parseObservabilitySpec';

function parse(annotations: Record<string, string>) {
  return parseObservabilitySpec({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'checkout', annotations },
  });
}

describe('deploy policy in the entity spec', () => {
  it('is absent without deploy annotations (the gate applies the default)', () => {
    expect(parse({}).spec.deployPolicy).toBeUndefined();
  });

  it('reads both annotations without problems', () => {
    const { spec, problems } = parse({
      'lookout.dev/deploy-freeze-budget': '10',
      'lookout.dev/deploy-exempt': 'fix, security',
    });
    expect(problems).toEqual([]);
    expect(spec.deployPolicy).toEqual({
      freezeBudget: 0.1,
      exempt: ['fix', 'security'],
    });
  });

  it('names the annotation of a bad value and keeps the default for it', () => {
    const { spec, problems } = parse({
      'lookout.dev/deploy-freeze-budget': '10%',
      'lookout.dev/deploy-exempt': 'fix',
    });
    expect(problems).toEqual([
      {
        severity: 'error',
        annotation: 'lookout.dev/deploy-freeze-budget',
        path: '',
        message: expect.stringMatching(/^found "10%"; expected the percent/),
      },
    ]);
    expect(spec.deployPolicy).toEqual({ freezeBudget: 0, exempt: ['fix'] });
  });
});
