/*
 * Test support for the CLI's end-to-end tests: a catalog entity, the demo's OpenSLO documents,
 * and `lookout` run in this process.
 */
import fs from 'node:fs';
import path from 'node:path';
import { runCli } from '../main';

/**
 * A Component as catalog YAML; annotation values are written as given (quote them where YAML
 * needs it).
 */
export function componentYaml(
  name: string,
  annotations: Record<string, string>,
  owner: string = 'team-shop',
): string {
  const lines = Object.entries(annotations).map(
    ([key, value]) => `    ${key}: ${value}\n`,
  );
  return `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: ${name}
  annotations:
${lines.join('')}spec:
  type: service
  lifecycle: production
  owner: ${owner}
`;
}

/** A service scraped through its Kubernetes Service, with one SLO. */
export const CHECKOUT = componentYaml('checkout', {
  'backstage.io/kubernetes-id': 'checkout',
  'backstage.io/kubernetes-namespace': 'shop',
  'lookout.dev/metrics-port': 'http-metrics',
  'lookout.dev/slo-availability': '"99.9"',
});

/**
 * The demo's OpenSLO documents (`examples/openslo/inventory.yaml`): an SLI and the SLO `lookups`
 * (objective 0.995) that uses it.
 */
export const DEMO_OPENSLO = fs.readFileSync(
  path.resolve(__dirname, '../../../../../examples/openslo/inventory.yaml'),
  'utf8',
);

/** The entity's YAML with one more annotation. */
export function withAnnotation(
  entityYaml: string,
  key: string,
  value: string,
): string {
  return entityYaml.replace(
    '  annotations:\n',
    `  annotations:\n    ${key}: ${value}\n`,
  );
}

/** `lookout <args>` in this process, with what it printed. */
export async function runLookout(
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv },
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    env: options.env ?? {},
    cwd: options.cwd,
  });
  return { code, stdout, stderr };
}
