/*
 * The Grafana dashboard of an entity, built with the Grafana Foundation SDK: one row per SLO over
 * the recorded SLO series, a RED row over the scraped request metrics, a row of the entity's
 * custom panels (the Metrics tab's), the data source as a
 * template variable, links to the entity page and the runbook.
 *
 * The classic dashboard model (`DashboardBuilder`, schema v1) is used on purpose although the SDK
 * marks it deprecated in favour of v2: file provisioning (the Grafana sidecar), grafana-operator's
 * `spec.json` and `POST /api/dashboards/db` all take the classic model.
 */
import {
  DashboardBuilder,
  DashboardCursorSync,
  DatasourceVariableBuilder,
} from '@grafana/grafana-foundation-sdk/dashboard';
import { generatedNotice } from '../output/generatedNotice';
import { dashboardUid } from '../rules';
import { EntityRender, RenderInput, RenderOptions } from '../types';
import { entityPageUrl } from '../rules/entityLinks';
import { alertTeamOf } from '@lookout/plugin-observability-common';
import {
  DashboardSection,
  DATASOURCE_VARIABLE,
  externalLink,
  PanelIds,
} from './panels';
import { customPanelsSection } from './customPanels';
import { redSection } from './redPanels';
import { releaseAnnotation } from './releaseAnnotations';
import { sloSection } from './sloPanels';

/** Tag of every generated dashboard. @public */
export const DASHBOARD_TAG = 'lookout';

/**
 * Renders the entity's dashboard, or undefined when the entity opts out
 * (`lookout.dev/dashboard: "false"`) or has neither scraped metrics nor SLOs.
 *
 * @public
 */
export function renderDashboard(
  input: RenderInput,
  options: RenderOptions,
): EntityRender['dashboard'] {
  const { entity, spec } = input;
  const customPanels = spec.panels ?? [];
  if (
    !spec.dashboard ||
    (!spec.metrics && spec.slos.length === 0 && customPanels.length === 0)
  ) {
    return undefined;
  }
  const uid = dashboardUid(spec.entityRef);
  const title = `${entity.metadata.title ?? entity.metadata.name} (${
    spec.entityRef
  })`;
  const owner = alertTeamOf(entity);
  const runbook = spec.runbookUrl ?? options.defaultRunbookUrl;

  const ids = new PanelIds();
  const sections: DashboardSection[] = spec.slos.map(slo =>
    sloSection(ids, spec.entityRef, slo),
  );
  if (spec.metrics) {
    sections.push(redSection(ids, spec.entityRef, options.presets));
  }
  if (customPanels.length > 0) {
    sections.push(customPanelsSection(ids, customPanels));
  }

  const builder = new DashboardBuilder(title)
    .uid(uid)
    .description(generatedNotice(spec.entityRef, options.instanceId))
    .tags(owner ? [DASHBOARD_TAG, owner] : [DASHBOARD_TAG])
    .readonly()
    .tooltip(DashboardCursorSync.Crosshair)
    .time({ from: 'now-7d', to: 'now' })
    .refresh('1m')
    .annotation(releaseAnnotation(spec.entityRef))
    .withVariable(
      new DatasourceVariableBuilder(DATASOURCE_VARIABLE)
        .label('Data source')
        .type('prometheus'),
    )
    .link(
      externalLink(
        `Backstage: ${spec.entityRef}`,
        entityPageUrl(options.backstageBaseUrl, spec.entityRef),
      ),
    );
  if (runbook) {
    builder.link(externalLink('Runbook', runbook));
  }
  for (const section of sections) {
    builder.withRow(section.row);
    section.panels.forEach(panel => builder.withPanel(panel));
  }
  return { uid, title, model: builder.build() };
}

/**
 * The owner tag of a generated dashboard model (the Grafana folder it belongs in), if any.
 * @public
 */
export function dashboardOwner(model: object): string | undefined {
  const tags = (model as { tags?: unknown }).tags;
  return Array.isArray(tags)
    ? tags.find(
        (tag): tag is string =>
          typeof tag === 'string' && tag !== DASHBOARD_TAG,
      )
    : undefined;
}
