/*
 * `kubectl kustomize` as a function: a kustomization directory in, the objects it builds out.
 */
import { parseAllDocuments } from 'yaml';
import { KubeObject } from './kubeObject';
import { BINARIES } from './paths';
import { describeRun, runTool } from './runTool';

/**
 * Parses a multi-document YAML stream of Kubernetes objects, skipping empty documents. Throws on
 * a YAML error or a document that is not an object with a kind.
 *
 * @public
 */
export function parseObjects(yamlText: string): KubeObject[] {
  const objects: KubeObject[] = [];
  for (const document of parseAllDocuments(yamlText)) {
    if (document.errors.length > 0) {
      throw new Error(`Invalid YAML: ${document.errors[0].message}`);
    }
    const value = document.toJS() as unknown;
    if (value === null || value === undefined) {
      continue;
    }
    if (typeof value !== 'object' || !('kind' in value)) {
      throw new Error(`Not a Kubernetes object: ${JSON.stringify(value)}`);
    }
    objects.push(value as KubeObject);
  }
  return objects;
}

/**
 * Builds the kustomization in `dir` with `kubectl kustomize` (the Kustomize embedded in kubectl)
 * and returns its objects. Throws with kubectl's message when the build fails.
 *
 * @public
 */
export async function kustomizeBuild(
  dir: string,
  kubectl: string = BINARIES.kubectl,
): Promise<KubeObject[]> {
  const result = await runTool(kubectl, ['kustomize', dir]);
  if (result.code !== 0) {
    throw new Error(`kubectl kustomize ${dir} failed: ${describeRun(result)}`);
  }
  return parseObjects(result.stdout);
}
