/*
 * Renders one entity: its scrape objects, SLO rule groups (wrapped in a PrometheusRule), Grafana
 * dashboard, file_sd targets and `promtool test rules` files, with the problems found on the
 * way. Pure and deterministic.
 */
import { ObservabilityProblem } from '@lookout/plugin-observability-common';
import { DEFAULT_INSTANCE_ID } from './output/generatedNotice';
import { renderDashboard } from './dashboard/renderDashboard';
import { ruleTestRulesFileFromTests } from './output/prometheusFiles';
import { renderSloRuleGroups, renderSloRuleTests } from './rules';
import { entitySlug } from './scrape/entitySlug';
import { objectMetadata } from './scrape/kubernetesObject';
import { prometheusRule } from './scrape/prometheusRule';
import { renderScrape } from './scrape/renderScrape';
import { EntityRender, RenderInput, RenderOptions } from './types';

function distinct(problems: ObservabilityProblem[]): ObservabilityProblem[] {
  const seen = new Set<string>();
  return problems.filter(problem => {
    const key = JSON.stringify([
      problem.severity,
      problem.annotation,
      problem.path,
      problem.message,
    ]);
    if (seen.has(key)) {
      return false;
    }
    seen.add(key);
    return true;
  });
}

/** Which optional parts `renderEntity` renders. @public */
export interface RenderParts {
  /**
   * The `promtool test rules` files (default true). Only the prometheus format holds them, and
   * they cost more than the rest of an entity together: the operator format leaves them out.
   */
  ruleTests?: boolean;
}

/**
 * Everything Lookout generates for one entity, before it is laid out as files (see
 * `toOperatorFiles` and `toPrometheusFiles`).
 *
 * @public
 */
export function renderEntity(
  input: RenderInput,
  options: RenderOptions,
  parts: RenderParts = {},
): EntityRender {
  const { entityRef } = input.spec;
  const slug = entitySlug(entityRef);
  const scrape = renderScrape(input, options);
  const rules = renderSloRuleGroups(input, options);
  const tests =
    rules.groups.length > 0 && parts.ruleTests !== false
      ? renderSloRuleTests(
          input,
          options,
          sloName => ruleTestRulesFileFromTests(slug, sloName),
          rules.groups,
        )
      : { tests: [], problems: [] };
  const objects: object[] = [...scrape.objects];
  if (rules.groups.length > 0) {
    const metadata = objectMetadata(
      {
        entityRef,
        name: slug,
        workloadNamespace: input.spec.kubernetes.namespace,
      },
      options,
    );
    objects.push(prometheusRule(metadata, rules.groups));
  }
  return {
    entityRef,
    slug,
    instanceId: options.instanceId ?? DEFAULT_INSTANCE_ID,
    objects,
    namespace: input.spec.kubernetes.namespace ?? options.defaultNamespace,
    ruleGroups: rules.groups,
    fileSdTargets: scrape.fileSdTargets,
    dashboard: renderDashboard(input, options),
    ruleTests: tests.tests,
    problems: distinct([
      ...scrape.problems,
      ...rules.problems,
      ...tests.problems,
    ]),
  };
}
