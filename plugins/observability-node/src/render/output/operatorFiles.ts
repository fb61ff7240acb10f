/*
 * The operator layout (DESIGN §4): one Kustomize folder per entity with its custom resources and
 * its dashboard as a generated ConfigMap, and a parent kustomization listing the folders.
 */
import { dashboardOwner } from '../dashboard/renderDashboard';
import {
  grafanaDashboardObject,
  GrafanaOperatorOptions,
} from '../dashboard/grafanaDashboardObject';
import {
  ENTITY_REF_ANNOTATION,
  GeneratedObject,
  INSTANCE_LABEL,
  MANAGED_BY_LABEL,
  MANAGED_BY_VALUE,
} from '../scrape/kubernetesObject';
import { EntityRender, RenderedFile } from '../types';
import { YAML_HEADER_ALL, yamlHeader } from './generatedNotice';
import { toStableJson, toYaml } from './serialize';

/** Options of the operator layout. @public */
export interface OperatorLayoutOptions {
  /** Also write a grafana-operator `GrafanaDashboard` per dashboard. */
  grafanaOperator?: GrafanaOperatorOptions;
  /**
   * Entity folders to list in the parent kustomization although they are not rendered now: the
   * folders an entity with errors keeps from an earlier run.
   */
  keptFolders?: string[];
}

/** Label by which the Grafana sidecar picks up dashboard ConfigMaps. @public */
export const GRAFANA_DASHBOARD_LABEL = 'grafana_dashboard';
/** Annotation from which the Grafana sidecar takes a dashboard's folder. @public */
export const GRAFANA_FOLDER_ANNOTATION = 'grafana_folder';
/** Flux: do not substitute `${...}` in the dashboard (Grafana uses the same syntax). */
const FLUX_SUBSTITUTE_ANNOTATION = 'kustomize.toolkit.fluxcd.io/substitute';

const KUSTOMIZATION = 'kustomization.yaml';
const DASHBOARD_FILE = 'dashboard.json';

/** File name of an object in its entity folder: its kind in lowercase (`servicemonitor.yaml`). */
function objectFileName(object: GeneratedObject): string {
  return `${object.kind.toLowerCase()}.yaml`;
}

/** Whether an entity produced anything to write. @public */
export function hasOutput(render: EntityRender): boolean {
  return render.objects.length > 0 || render.dashboard !== undefined;
}

/**
 * The files of one entity's folder in the operator format (none when the entity has nothing to
 * write), in no particular order.
 * @public
 */
export function operatorEntityFiles(
  render: EntityRender,
  options: OperatorLayoutOptions = {},
): RenderedFile[] {
  if (!hasOutput(render)) {
    return [];
  }
  const header = yamlHeader(render.entityRef, render.instanceId);
  const objects = render.objects as GeneratedObject[];
  const files: RenderedFile[] = [];
  const resources: string[] = [];
  const add = (name: string, content: string) =>
    files.push({ path: `${render.slug}/${name}`, content });

  for (const object of objects) {
    const name = objectFileName(object);
    resources.push(name);
    add(name, header + toYaml(object));
  }

  const kustomization: Record<string, unknown> = {
    apiVersion: 'kustomize.config.k8s.io/v1beta1',
    kind: 'Kustomization',
    resources,
  };
  if (render.dashboard) {
    const namespace = objects[0]?.metadata.namespace ?? render.namespace;
    const folder = dashboardOwner(render.dashboard.model);
    const configMap = {
      name: `${render.slug}-dashboard`,
      key: `${render.slug}.json`,
    };
    add(DASHBOARD_FILE, toStableJson(render.dashboard.model));
    kustomization.configMapGenerator = [
      {
        name: configMap.name,
        ...(namespace ? { namespace } : {}),
        // The key names the file the Grafana sidecar writes: unique per entity, so that two
        // dashboards of one folder never overwrite each other.
        files: [`${configMap.key}=${DASHBOARD_FILE}`],
        options: {
          disableNameSuffixHash: true,
          labels: {
            [GRAFANA_DASHBOARD_LABEL]: '1',
            [MANAGED_BY_LABEL]: MANAGED_BY_VALUE,
            [INSTANCE_LABEL]: render.instanceId,
          },
          annotations: {
            [ENTITY_REF_ANNOTATION]: render.entityRef,
            ...(folder ? { [GRAFANA_FOLDER_ANNOTATION]: folder } : {}),
            [FLUX_SUBSTITUTE_ANNOTATION]: 'disabled',
          },
        },
      },
    ];
    if (options.grafanaOperator && objects[0]) {
      const object = grafanaDashboardObject(
        { ...objects[0].metadata },
        { uid: render.dashboard.uid, folder, configMap },
        options.grafanaOperator,
      );
      const name = objectFileName(object);
      resources.push(name);
      add(name, header + toYaml(object));
    }
  }
  resources.sort();
  add(KUSTOMIZATION, header + toYaml(kustomization));
  return files;
}

/**
 * Lays renders out in the operator format: `<slug>/kustomization.yaml`, one file per object
 * (`servicemonitor.yaml`, `podmonitor.yaml`, `scrapeconfig.yaml`, `prometheusrule.yaml`),
 * `<slug>/dashboard.json` as a ConfigMap for the Grafana sidecar, optionally
 * `<slug>/grafanadashboard.yaml`, and `kustomization.yaml` listing the entity folders. Entities
 * with nothing to write get no folder. Sorted by path.
 *
 * @public
 */
export function toOperatorFiles(
  renders: EntityRender[],
  options: OperatorLayoutOptions = {},
): RenderedFile[] {
  const files: RenderedFile[] = [];
  const folders = [...(options.keptFolders ?? [])];
  for (const render of renders) {
    if (hasOutput(render)) {
      folders.push(render.slug);
      files.push(...operatorEntityFiles(render, options));
    }
  }
  files.push(operatorRootKustomization(folders));
  return sortFiles(files);
}

/** The parent `kustomization.yaml` listing entity folders (sorted, without duplicates). @public */
export function operatorRootKustomization(folders: string[]): RenderedFile {
  return {
    path: KUSTOMIZATION,
    content:
      YAML_HEADER_ALL +
      toYaml({
        apiVersion: 'kustomize.config.k8s.io/v1beta1',
        kind: 'Kustomization',
        resources: [...new Set(folders)].sort(),
      }),
  };
}

/** Files sorted by path (code unit order, as `LC_ALL=C ls`). @public */
export function sortFiles(files: RenderedFile[]): RenderedFile[] {
  return [...files].sort((a, b) => {
    if (a.path === b.path) {
      return 0;
    }
    return a.path < b.path ? -1 : 1;
  });
}
