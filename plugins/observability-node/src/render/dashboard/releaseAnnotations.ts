/*
 * Releases on the generated dashboard: an annotation query over the release-info series the
 * Lookout backend exports (`GET /api/observability/releases/metrics`, scraped by Prometheus), so
 * the dashboard marks the entity's releases whether or not Lookout can reach Grafana's API. The
 * series' value is the release time in epoch ms, which `useValueForTime` places the mark at.
 */
import { AnnotationQueryBuilder } from '@grafana/grafana-foundation-sdk/dashboard';
import {
  ENTITY_LABEL,
  formatLabelMatcher,
} from '@lookout/plugin-observability-common';
import { DATASOURCE } from './panels';

/**
 * One series per recent release of each entity: labels `backstage_entity`, `version`, optional
 * `kind` and `url`; value the release time in epoch milliseconds.
 * @public
 */
export const RELEASE_INFO_METRIC = 'lookout_release_info';

/** The dashboard annotation of the entity's releases. */
export function releaseAnnotation(entityRef: string): AnnotationQueryBuilder {
  const matcher = formatLabelMatcher({
    name: ENTITY_LABEL,
    op: '=',
    value: entityRef,
  });
  return new AnnotationQueryBuilder()
    .name('Releases')
    .datasource(DATASOURCE)
    .enable(true)
    .iconColor('purple')
    .expr(`${RELEASE_INFO_METRIC}{${matcher}}`)
    .step('5m')
    .titleFormat('Release {{version}}')
    .textFormat('{{url}}')
    .tagKeys('kind')
    .useValueForTime(true);
}
