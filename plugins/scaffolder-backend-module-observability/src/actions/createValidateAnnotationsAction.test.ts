import { actionInWorkspace } from '../__testUtils__/actionInWorkspace';
import { createValidateAnnotationsAction } from './createValidateAnnotationsAction';

const catalog = `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: cart
  annotations:
    lookout.dev/slo-availability: "99.9"
spec: { type: service, owner: team-a }
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: search
  annotations:
    lookout.dev/slo-window: 2d
    lookout.dev/metrcs-port: http
spec: { type: service, owner: team-b }
`;

describe('lookout:annotations:validate', () => {
  const { run } = actionInWorkspace(createValidateAnnotationsAction(), catalog);

  it('outputs every problem of every entity in the file, in the config route shape plus the ref', async () => {
    const outputs = await run({ failOnError: false });
    expect(outputs.valid).toBe(false);
    expect(outputs.problems).toEqual([
      expect.objectContaining({
        entityRef: 'component:default/search',
        severity: 'warning',
        annotation: 'lookout.dev/metrcs-port',
        path: '',
      }),
      expect.objectContaining({
        entityRef: 'component:default/search',
        severity: 'error',
        annotation: 'lookout.dev/slo-window',
        path: '',
      }),
    ]);
    expect(outputs.lines[0]).toMatch(
      /^component:default\/search: lookout\.dev\/metrcs-port: unknown annotation, ignored; did you mean lookout\.dev\/metrics-port\?.*\(warning\)$/,
    );
  });

  it('fails the step on errors unless told not to', async () => {
    await expect(run({})).rejects.toThrow(
      /catalog-info\.yaml has problems\n.*component:default\/search: lookout\.dev\/slo-window: /s,
    );
  });

  it('checks only the entity named by entityRef', async () => {
    const outputs = await run({ entityRef: 'component:default/cart' });
    expect(outputs).toEqual({ valid: true, problems: [], lines: [] });
  });
});
