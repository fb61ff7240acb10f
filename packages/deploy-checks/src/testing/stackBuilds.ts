/*
 * Every build the checks look at, made once per test file: the base, each component (through a
 * kustomization that includes it), all components together and each overlay, built from a copy of
 * deploy/observability whose `entities/` is the fixture; and the overlays of the real tree, with
 * whatever Lookout generated into `entities/`.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { KubeObject } from '../kubeObject';
import { kustomizeBuild } from '../kustomize';
import { deployPath, fixturePath } from '../paths';
import {
  copyStackWithEntities,
  temporaryTree,
  writeKustomization,
} from '../stackCopy';

/** One kustomization's output. */
export interface Build {
  name: string;
  objects: KubeObject[];
}

/** Every build of the observability stack. */
export interface StackBuilds {
  /** The fixture `entities/` folder alone. */
  fixtureEntities: KubeObject[];
  /** base, components/*, all components, overlays/*: with the fixture entities. */
  builds: Build[];
  /** overlays/* of the real tree, with the real `entities/`. */
  realOverlays: Build[];
}

function subfolders(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter(entry => entry.isDirectory())
    .map(entry => entry.name)
    .sort();
}

/** Component folder names under deploy/observability/components. */
export function componentNames(): string[] {
  return subfolders(deployPath('observability', 'components'));
}

/** Overlay folder names under deploy/observability/overlays. */
export function overlayNames(): string[] {
  return subfolders(deployPath('observability', 'overlays'));
}

/** Builds everything; the temporary copy is removed before it returns. */
export async function buildStack(): Promise<StackBuilds> {
  const tree = temporaryTree('lookout-stack-');
  try {
    const stack = copyStackWithEntities(
      tree,
      deployPath('observability'),
      fixturePath('entities'),
    );
    const base = join(stack, 'base');
    const components = componentNames().map(name => ({
      name,
      dir: join(stack, 'components', name),
    }));
    const targets: Array<{ name: string; dir: string }> = [
      { name: 'base', dir: base },
      ...components.map(component => ({
        name: `components/${component.name}`,
        dir: writeKustomization(tree, `with-${component.name}`, {
          resources: [base],
          components: [component.dir],
        }),
      })),
      {
        name: 'all components',
        dir: writeKustomization(tree, 'with-all-components', {
          resources: [base],
          components: components.map(component => component.dir),
        }),
      },
      ...overlayNames().map(name => ({
        name: `overlays/${name}`,
        dir: join(stack, 'overlays', name),
      })),
    ];
    const builds = await Promise.all(
      targets.map(async target => ({
        name: target.name,
        objects: await kustomizeBuild(target.dir),
      })),
    );
    const realOverlays = await Promise.all(
      overlayNames().map(async name => ({
        name: `overlays/${name} (real entities)`,
        objects: await kustomizeBuild(
          deployPath('observability', 'overlays', name),
        ),
      })),
    );
    const fixtureEntities = await kustomizeBuild(join(stack, 'entities'));
    return { fixtureEntities, builds, realOverlays };
  } finally {
    tree.remove();
  }
}

/** Whether Lookout generated the object (the entity-ref annotation marks its objects). */
export function isGenerated(object: KubeObject): boolean {
  return object.metadata.annotations?.['backstage.io/entity-ref'] !== undefined;
}
