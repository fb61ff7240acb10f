/*
 * Kustomizations that exist only for a check: a copy of deploy/observability whose `entities/` is
 * a fixture, and small kustomizations that include a component or a folder by relative path
 * (Kustomize refuses absolute ones).
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { stringify } from 'yaml';

/** A temporary directory and how to remove it. @public */
export interface TemporaryTree {
  root: string;
  remove(): void;
}

/** A new temporary directory. @public */
export function temporaryTree(prefix: string): TemporaryTree {
  const root = mkdtempSync(join(tmpdir(), prefix));
  return { root, remove: () => rmSync(root, { recursive: true, force: true }) };
}

/**
 * Copies the `observability` folder at `source` into `tree.root/observability`, with the
 * generated `entities/` replaced by `entitiesFixture`. Returns the copy's path.
 *
 * @public
 */
export function copyStackWithEntities(
  tree: TemporaryTree,
  source: string,
  entitiesFixture: string,
): string {
  const target = join(tree.root, 'observability');
  cpSync(source, target, { recursive: true });
  rmSync(join(target, 'entities'), { recursive: true, force: true });
  cpSync(entitiesFixture, join(target, 'entities'), { recursive: true });
  return target;
}

/**
 * Writes `tree.root/<name>/kustomization.yaml` referring to `resources` and `components` (absolute
 * paths, written relative to the new folder). Returns the folder.
 *
 * @public
 */
export function writeKustomization(
  tree: TemporaryTree,
  name: string,
  content: { resources?: string[]; components?: string[] },
): string {
  const dir = join(tree.root, name);
  mkdirSync(dir, { recursive: true });
  const rel = (paths: string[] = []) => paths.map(p => relative(dir, p));
  const kustomization: Record<string, unknown> = {
    apiVersion: 'kustomize.config.k8s.io/v1beta1',
    kind: 'Kustomization',
    resources: rel(content.resources),
  };
  if (content.components) {
    kustomization.components = rel(content.components);
  }
  writeFileSync(join(dir, 'kustomization.yaml'), stringify(kustomization));
  return dir;
}
