/*
 * Runs a scaffolder action against a mock workspace that holds one catalog-info.yaml (reset to
 * `catalogText` before each test), collecting what the action outputs.
 */
import { createMockDirectory } from '@backstage/backend-test-utils';
import { TemplateAction } from '@backstage/plugin-scaffolder-node';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';

/** Call inside a `describe`: it registers the `beforeEach` that writes the file. */
export function actionInWorkspace(
  action: TemplateAction<any, any, any>,
  catalogText: string,
) {
  const workspace = createMockDirectory();
  beforeEach(() => workspace.setContent({ 'catalog-info.yaml': catalogText }));

  /** Runs the action with `input`; resolves to its outputs by name. */
  async function run(input: Record<string, unknown>) {
    const outputs: Record<string, any> = {};
    await action.handler({
      ...createMockActionContext({
        workspacePath: workspace.path,
        input: input as any,
      }),
      output: (name: string, value: unknown) => {
        outputs[name] = value;
      },
    });
    return outputs;
  }
  return { workspace, run };
}
