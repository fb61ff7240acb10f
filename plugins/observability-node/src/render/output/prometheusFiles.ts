/*
 * The plain Prometheus layout (DESIGN §4): rule files, file_sd target files, dashboard JSON,
 * `promtool test rules` files and the complete Alertmanager configuration (routes of the
 * catalog's teams, receivers, inhibition), for a Prometheus without the operator.
 */
import { AlertmanagerConfiguration } from '../alertmanager';
import { EntityRender, RenderedFile } from '../types';
import { YAML_HEADER_ALL, yamlHeader } from './generatedNotice';
import { sortFiles } from './operatorFiles';
import { toStableJson, toYaml } from './serialize';

/** Path of an entity's rule file in the prometheus layout. @public */
export function ruleFilePath(slug: string): string {
  return `rules/${slug}.yaml`;
}

/**
 * Path of an SLO's `promtool test rules` file. Slugs and SLO names never contain a `.`, so
 * `<slug>.<slo>` cannot collide the way `<slug>-<slo>` could (`a` + `b-c` vs `a-b` + `c`).
 * @public
 */
export function ruleTestFilePath(slug: string, sloName: string): string {
  return `tests/${slug}.${sloName}.yaml`;
}

/** Where a rule test file refers to the entity's rule file, relative to the test file. @public */
export function ruleFileFromTests(slug: string): string {
  return `../${ruleFilePath(slug)}`;
}

/**
 * Path of the copy of one SLO's rule groups that its test file loads (the groups as in
 * `rules/<slug>.yaml`, so that each test evaluates only its own SLO).
 * @public
 */
export function ruleTestRulesFilePath(slug: string, sloName: string): string {
  return `tests/${slug}.${sloName}.rules.yaml`;
}

/** The same path as a test file refers to it (beside it). @public */
export function ruleTestRulesFileFromTests(
  slug: string,
  sloName: string,
): string {
  return ruleTestRulesFilePath(slug, sloName).slice('tests/'.length);
}

/** The comment lines at the top of a test file: which scenarios it holds and which not, why. */
function scenarioNotice(test: EntityRender['ruleTests'][number]): string {
  const names = (
    (test.content as { tests?: Array<{ name: string }> }).tests ?? []
  ).map(t => t.name);
  const lines = [
    `Scenarios of SLO ${test.sloName} in this file:`,
    ...names.map(name => `  ${name}`),
  ];
  if (test.omitted.length > 0) {
    lines.push(
      'Not generated for this SLO:',
      ...test.omitted.map(o => `  ${o}`),
    );
  }
  return lines.map(line => `# ${line}\n`).join('');
}

/** Path of the Alertmanager configuration in the prometheus layout. @public */
export const ALERTMANAGER_FILE = 'alertmanager/alertmanager.yaml';

/**
 * Lays renders out in the prometheus format: `rules/<slug>.yaml`, `targets/<slug>.json` (file_sd),
 * `dashboards/<uid>.json`, `tests/<slug>.<slo>.yaml` and, when given,
 * `alertmanager/alertmanager.yaml` (of `renderAlertmanagerYaml`). Sorted by path.
 *
 * @public
 */
export function toPrometheusFiles(
  renders: EntityRender[],
  alertmanager?: AlertmanagerConfiguration,
): RenderedFile[] {
  const files = renders.flatMap(render => prometheusEntityFiles(render));
  const alertmanagerFile = alertmanager && alertmanagerConfigFile(alertmanager);
  return sortFiles(alertmanagerFile ? [...files, alertmanagerFile] : files);
}

/** `alertmanager/alertmanager.yaml` with the configuration of `renderAlertmanagerYaml`. @public */
export function alertmanagerConfigFile(
  alertmanager: AlertmanagerConfiguration,
): RenderedFile {
  return {
    path: ALERTMANAGER_FILE,
    content: YAML_HEADER_ALL + toYaml(alertmanager),
  };
}

/** The files of one entity in the prometheus format, in no particular order. @public */
export function prometheusEntityFiles(render: EntityRender): RenderedFile[] {
  const files: RenderedFile[] = [];
  const header = yamlHeader(render.entityRef, render.instanceId);
  if (render.ruleGroups.length > 0) {
    files.push({
      path: ruleFilePath(render.slug),
      content: header + toYaml({ groups: render.ruleGroups }),
    });
  }
  if (render.fileSdTargets.length > 0) {
    files.push({
      path: `targets/${render.slug}.json`,
      content: toStableJson(render.fileSdTargets),
    });
  }
  if (render.dashboard) {
    files.push({
      path: `dashboards/${render.dashboard.uid}.json`,
      content: toStableJson(render.dashboard.model),
    });
  }
  for (const test of render.ruleTests) {
    files.push({
      path: ruleTestFilePath(render.slug, test.sloName),
      content: header + scenarioNotice(test) + toYaml(test.content),
    });
    files.push({
      path: ruleTestRulesFilePath(render.slug, test.sloName),
      content: `${header}# The groups of SLO ${
        test.sloName
      } from ../${ruleFilePath(
        render.slug,
      )}, loaded by its test file only.\n${toYaml({
        groups: test.ruleGroups,
      })}`,
    });
  }
  return files;
}
