/*
 * What Lookout will provision for a parsed spec, as Markdown for a pull request's description.
 */
import {
  ObservabilitySpec,
  SloSpec,
} from '@lookout/plugin-observability-common';

function describeIndicator(slo: SloSpec): string {
  return slo.indicator.type === 'latency'
    ? `${slo.objective}% of requests faster than ${Number(
        (slo.indicator.thresholdSeconds * 1000).toPrecision(12),
      )} ms`
    : `${slo.objective}% of requests succeed`;
}

function describeAlerts(slo: SloSpec): string {
  const tiers = [
    slo.alerting.page && 'page (fast burn)',
    slo.alerting.ticket && 'ticket (slow burn)',
  ].filter(Boolean);
  return tiers.length > 0
    ? `burn-rate alerts: ${tiers.join(', ')}`
    : 'no burn-rate alerts';
}

/** A Markdown list of the scrape config, SLOs with their alert tiers, dashboard, logs and traces. */
export function describeProvisioning(spec: ObservabilitySpec): string {
  const lines = [`Lookout will provision for \`${spec.entityRef}\`:`, ''];
  if (spec.metrics) {
    const where =
      spec.metrics.port !== undefined
        ? `port \`${spec.metrics.port}\``
        : `targets ${spec.metrics.targets.map(t => `\`${t}\``).join(', ')}`;
    lines.push(
      `- **Scrape**: ${where}, path \`${spec.metrics.path}\`, every ${spec.metrics.interval}`,
    );
  } else {
    lines.push('- **Scrape**: none (no `lookout.dev/metrics-port`)');
  }
  if (spec.slos.length > 0) {
    lines.push('- **SLOs** (recording rules and burn-rate alerts):');
    for (const slo of spec.slos) {
      lines.push(
        `  - \`${slo.name}\`: ${describeIndicator(slo)} over ${
          slo.window
        }; ${describeAlerts(slo)}`,
      );
    }
  } else {
    lines.push('- **SLOs**: none');
  }
  lines.push(
    spec.dashboard
      ? '- **Dashboard**: a generated Grafana dashboard'
      : '- **Dashboard**: none (`lookout.dev/dashboard: "false"`)',
  );
  lines.push(
    spec.logs
      ? `- **Logs**: \`${spec.logs.selector}\``
      : '- **Logs**: none for this kind',
  );
  lines.push(
    spec.traces
      ? `- **Traces**: service \`${spec.traces.serviceName}\`${
          spec.traces.serviceNamespace
            ? ` in namespace \`${spec.traces.serviceNamespace}\``
            : ''
        }`
      : '- **Traces**: none for this kind',
  );
  if (spec.runbookUrl) {
    lines.push(`- **Runbook**: ${spec.runbookUrl}`);
  }
  return `${lines.join('\n')}\n`;
}
