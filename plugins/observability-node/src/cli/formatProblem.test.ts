import { formatProblem } from './formatProblem';

describe('formatProblem', () => {
  it('joins annotation and path as one location', () => {
    expect(
      formatProblem('component:default/search', {
        severity: 'error',
        annotation: 'lookout.dev/slos',
        path: '[1].ratio.errors',
        message: 'not a bare selector',
      }),
    ).toBe(
      'component:default/search: lookout.dev/slos[1].ratio.errors: not a bare selector',
    );
    expect(
      formatProblem('component:default/search', {
        severity: 'error',
        annotation: 'lookout.dev/openslo',
        path: 'spec.objectives',
        message: 'missing',
      }),
    ).toBe(
      'component:default/search: lookout.dev/openslo.spec.objectives: missing',
    );
  });

  it('marks warnings', () => {
    expect(
      formatProblem('component:default/search', {
        severity: 'warning',
        annotation: 'lookout.dev/dashbaord',
        path: '',
        message: 'unknown annotation',
      }),
    ).toBe(
      'component:default/search: lookout.dev/dashbaord: unknown annotation (warning)',
    );
  });
});
