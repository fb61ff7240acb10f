/*
 * When the `grafana` sink is configured, each new release is also written as an annotation on the
 * entity's generated dashboard (tags `lookout`, `release`), next to the release-info series the
 * dashboard reads from Prometheus. Best effort: a failure is logged, never fails the release.
 */
import { LoggerService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { Release } from '@lookout/plugin-observability-common';
import { dashboardUid } from '@lookout/plugin-observability-node';
import { GrafanaClient } from '../provisioning/sinks/grafana/GrafanaClient';

/** Writes releases as Grafana annotations. */
export class GrafanaReleaseAnnotator {
  constructor(
    private readonly client: GrafanaClient,
    private readonly logger: LoggerService,
  ) {}

  /** An annotator when a `grafana` sink and `observability.grafana.url` are configured. */
  static fromConfig(
    config: Config,
    logger: LoggerService,
  ): GrafanaReleaseAnnotator | undefined {
    const sinks =
      config.getOptionalConfigArray('observability.provisioning.sinks') ?? [];
    const grafana = config.getOptionalConfig('observability.grafana');
    const enabled =
      config.getOptionalBoolean('observability.provisioning.enabled') !== false;
    if (
      !enabled ||
      !grafana ||
      !sinks.some(sink => sink.getOptionalString('type') === 'grafana')
    ) {
      return undefined;
    }
    return new GrafanaReleaseAnnotator(
      new GrafanaClient({
        url: grafana.getString('url'),
        token: grafana.getOptionalString('token'),
      }),
      logger,
    );
  }

  /** Annotates the entity's dashboard with the release. */
  async annotate(release: Release): Promise<void> {
    const text = [
      `${release.entityRef} ${release.version}`,
      release.description,
      release.url,
    ]
      .filter(Boolean)
      .join('\n');
    try {
      await this.client.createAnnotation({
        dashboardUID: dashboardUid(release.entityRef),
        time: release.at,
        tags: ['lookout', 'release', release.version],
        text,
      });
    } catch (error) {
      this.logger.warn('Could not write the release annotation to Grafana', {
        entityRef: release.entityRef,
        version: release.version,
        error: (error as Error).message,
      });
    }
  }
}
