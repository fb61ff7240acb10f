/*
 * Prometheus' answer to an instant query as its HTTP API writes it
 * (prometheus.io/docs/prometheus/latest/querying/api/#instant-queries), for the fake upstreams.
 */

/** One sample of an instant vector: its labels and its value, as text like Prometheus writes it. */
export interface VectorSample {
  metric: Record<string, string>;
  value: string;
}

/** The success envelope of an instant query answering `samples`, all at `time` (epoch seconds). */
export function vectorAnswer(samples: VectorSample[], time = 1_795_626_000) {
  return {
    status: 'success',
    data: {
      resultType: 'vector',
      result: samples.map(({ metric, value }) => ({
        metric,
        value: [time, value],
      })),
    },
  };
}
