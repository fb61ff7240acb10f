/*
 * The observability stack builds with `kubectl kustomize` in every combination a cluster may run,
 * and its objects carry the namespace and labels the rest of the system relies on.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { KubeObject, CLUSTER_SCOPED_KINDS, objectId } from './kubeObject';
import { BINARIES, deployPath } from './paths';
import { describeWithBinaries } from './testing/requireBinary';
import {
  Build,
  buildStack,
  componentNames,
  isGenerated,
  overlayNames,
  StackBuilds,
} from './testing/stackBuilds';

jest.setTimeout(120_000);

const PART_OF = 'app.kubernetes.io/part-of';
const MANAGED_BY = 'app.kubernetes.io/managed-by';

/** Every `image:` of the pod templates in a build, with the object that holds it. */
function images(
  objects: KubeObject[],
): Array<{ owner: string; image: string }> {
  const found: Array<{ owner: string; image: string }> = [];
  for (const object of objects) {
    const spec = object.spec as
      | { template?: { spec?: Record<string, Array<{ image?: string }>> } }
      | undefined;
    const podSpec = spec?.template?.spec;
    for (const list of ['initContainers', 'containers']) {
      for (const container of podSpec?.[list] ?? []) {
        found.push({ owner: objectId(object), image: container.image ?? '' });
      }
    }
    // prometheus-operator custom resources name their image in spec.image / spec.thanos.image.
    const crSpec = object.spec as {
      image?: string;
      thanos?: { image?: string };
    };
    if (object.apiVersion.startsWith('monitoring.coreos.com/')) {
      for (const image of [crSpec?.image, crSpec?.thanos?.image]) {
        if (image !== undefined) {
          found.push({ owner: objectId(object), image });
        }
      }
    }
  }
  return found;
}

describeWithBinaries(BINARIES.kubectl)('the observability stack', () => {
  let stack: StackBuilds;
  let all: Build[];

  beforeAll(async () => {
    stack = await buildStack();
    all = [...stack.builds, ...stack.realOverlays];
  });

  it('builds the base, every component, all components together and every overlay', () => {
    const expected = [
      'base',
      ...componentNames().map(name => `components/${name}`),
      'all components',
      ...overlayNames().map(name => `overlays/${name}`),
    ];
    expect(stack.builds.map(build => build.name)).toEqual(expected);
    expect(overlayNames()).toEqual(
      expect.arrayContaining(['production', 'staging']),
    );
    expect(componentNames()).toEqual(
      expect.arrayContaining(['otel-collector', 'pyroscope', 'thanos']),
    );
    for (const build of stack.builds) {
      expect(build.objects.length).toBeGreaterThan(20);
    }
  });

  it('builds the overlays with the real generated entities folder too', () => {
    expect(stack.realOverlays.map(build => build.name)).toEqual(
      overlayNames().map(name => `overlays/${name} (real entities)`),
    );
  });

  it('builds the base without the CRDs folder, which is fetched and applied separately', () => {
    const base = stack.builds.find(build => build.name === 'base')!;
    const kustomization = parse(
      readFileSync(
        deployPath('observability', 'base', 'kustomization.yaml'),
        'utf8',
      ),
    ) as { resources: string[] };
    expect(
      kustomization.resources.filter(path => path.includes('crds')),
    ).toEqual([]);
    expect(
      base.objects.filter(o => o.kind === 'CustomResourceDefinition'),
    ).toEqual([]);
  });

  it('puts every stack object in the observability namespace with the part-of label', () => {
    const wrong: string[] = [];
    for (const build of all) {
      for (const object of build.objects.filter(o => !isGenerated(o))) {
        const { namespace, labels } = object.metadata;
        const clusterScoped = CLUSTER_SCOPED_KINDS.has(object.kind);
        if (
          clusterScoped
            ? namespace !== undefined
            : namespace !== 'observability'
        ) {
          wrong.push(
            `${build.name}: ${objectId(object)} has namespace ${namespace}`,
          );
        }
        if (labels?.[PART_OF] !== 'lookout-observability') {
          wrong.push(`${build.name}: ${objectId(object)} lacks ${PART_OF}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it("never marks a stack object as Lookout's, which Lookout's sinks would prune", () => {
    const claimed = all.flatMap(build =>
      build.objects
        .filter(
          o => !isGenerated(o) && o.metadata.labels?.[MANAGED_BY] === 'lookout',
        )
        .map(o => `${build.name}: ${objectId(o)}`),
    );
    expect(claimed).toEqual([]);
  });

  it('passes the generated objects through every overlay exactly as Lookout wrote them', () => {
    expect(stack.fixtureEntities.length).toBeGreaterThan(0);
    for (const overlay of overlayNames()) {
      const build = stack.builds.find(b => b.name === `overlays/${overlay}`)!;
      expect({ overlay, objects: build.objects.filter(isGenerated) }).toEqual({
        overlay,
        objects: stack.fixtureEntities,
      });
    }
  });

  it('keeps generated objects in their workload namespace, labelled managed-by lookout', () => {
    for (const build of all) {
      for (const object of build.objects.filter(isGenerated)) {
        expect({
          id: objectId(object),
          label: object.metadata.labels?.[MANAGED_BY],
        }).toEqual({
          id: objectId(object),
          label: 'lookout',
        });
        expect(object.metadata.namespace).toEqual(expect.any(String));
      }
    }
  });

  it('pins every container image to a version', () => {
    const unpinned = all.flatMap(build =>
      images(build.objects)
        .filter(
          ({ image }) =>
            !/^[^\s:@]+(:[\w][\w.-]*[0-9][\w.-]*|@sha256:[0-9a-f]{64})$/.test(
              image,
            ) || /:latest$/.test(image),
        )
        .map(({ owner, image }) => `${build.name}: ${owner}: "${image}"`),
    );
    expect(unpinned).toEqual([]);
    expect(images(stack.builds[0].objects).length).toBeGreaterThan(5);
  });
});
