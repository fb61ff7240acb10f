/*
 * The release-info series (`lookout_release_info`) in the Prometheus text format: one series per
 * recent release of each entity (bounded by `observability.releases.exportPerEntity`), value the
 * release time in epoch milliseconds, so a Grafana annotation query with `useValueForTime` draws
 * each release at its time, whether or not Lookout can reach Grafana's API.
 */
import { ENTITY_LABEL, Release } from '@lookout/plugin-observability-common';
import { RELEASE_INFO_METRIC } from '@lookout/plugin-observability-node';

/** A label value in the exposition format: backslash, double quote and newline escaped. */
function labelValue(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\n/g, '\\n');
}

/** The exposition of `releases`. */
export function releaseInfoMetrics(releases: Release[]): string {
  const lines = [
    `# HELP ${RELEASE_INFO_METRIC} Recent releases recorded in Lookout; the value is the release time in epoch milliseconds.`,
    `# TYPE ${RELEASE_INFO_METRIC} gauge`,
  ];
  for (const release of releases) {
    const labels: Array<[string, string | undefined]> = [
      [ENTITY_LABEL, release.entityRef],
      ['version', release.version],
      ['kind', release.kind],
      ['url', release.url],
    ];
    const text = labels
      .filter((entry): entry is [string, string] => entry[1] !== undefined)
      .map(([name, value]) => `${name}="${labelValue(value)}"`)
      .join(',');
    lines.push(`${RELEASE_INFO_METRIC}{${text}} ${release.at}`);
  }
  return `${lines.join('\n')}\n`;
}
