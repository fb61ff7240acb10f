/*
 * A batch job's metrics through the Pushgateway, the path of the stack for work that is not
 * scraped: the job pushes its last run's figures when it ends, grouped by job and by the
 * `backstage_entity` of its catalog entity, so the series carry that label (the stack scrapes the
 * Pushgateway with `honor_labels: true`) and a `lookout.dev/panels` panel confined to the entity
 * charts them. The entity ref holds `:` and `/`, so its grouping value is sent base64url-encoded
 * (`backstage_entity@base64/...`, Pushgateway's form for such values).
 */

/** The figures of one run of the job. */
export interface BatchRun {
  /** Rows the run exported. */
  records: number;
  durationSeconds: number;
  /** Epoch seconds of the end of the run, when it succeeded. */
  succeededAt?: number;
}

/** The Pushgateway URL path of the job's group. */
export function pushPath(job: string, entityRef: string): string {
  const encoded = Buffer.from(entityRef, 'utf8').toString('base64url');
  return `/metrics/job/${encodeURIComponent(
    job,
  )}/backstage_entity@base64/${encoded}`;
}

/** The run in the Prometheus text format (gauges: a push replaces the group's last values). */
export function runExposition(run: BatchRun): string {
  const lines = [
    '# HELP batch_records_exported Rows exported by the last run.',
    '# TYPE batch_records_exported gauge',
    `batch_records_exported ${run.records}`,
    '# HELP batch_duration_seconds Duration of the last run.',
    '# TYPE batch_duration_seconds gauge',
    `batch_duration_seconds ${run.durationSeconds}`,
  ];
  if (run.succeededAt !== undefined) {
    lines.push(
      '# HELP batch_last_success_timestamp_seconds End of the last successful run.',
      '# TYPE batch_last_success_timestamp_seconds gauge',
      `batch_last_success_timestamp_seconds ${run.succeededAt}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** PUTs the run to the Pushgateway (replacing the group's metrics); throws on a non-2xx answer. */
export async function pushRun(options: {
  pushgatewayUrl: string;
  job: string;
  entityRef: string;
  run: BatchRun;
}): Promise<void> {
  const url = `${options.pushgatewayUrl.replace(/\/+$/, '')}${pushPath(
    options.job,
    options.entityRef,
  )}`;
  const res = await fetch(url, {
    method: 'PUT',
    headers: { 'content-type': 'text/plain; version=0.0.4' },
    body: runExposition(options.run),
  });
  if (!res.ok) {
    throw new Error(`Pushgateway answered ${res.status}: ${await res.text()}`);
  }
}
