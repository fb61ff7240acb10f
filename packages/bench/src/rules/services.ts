/*
 * The synthetic services of the rules benchmark: one availability SLO each, over a request
 * counter scraped from a few instances and split by status code, the way a real HTTP service
 * exposes it. Pure: the same count and seed give the same services.
 *
 * Part of the rules benchmark (`yarn bench:rules`, see docs/benchmarks.md).
 */
import { Entity } from '@backstage/catalog-model';
import {
  ObservabilitySpec,
  SloSpec,
} from '@lookout/plugin-observability-common';
import { sloSpec } from '../emulators/sloSpecs';
import { MinuteCounts, TrafficProfile, trafficProfile } from './traffic';

/** Name of the request counter every synthetic service exposes. */
export const REQUESTS_METRIC = 'http_requests_total';

/** Status codes of the counter: 200 and 404 are good, 500 is an error. */
export const STATUS_CODES = ['200', '404', '500'] as const;

/** Share of good requests answered 404. */
const NOT_FOUND_SHARE = 0.03;

const OBJECTIVES = [99.9, 99.5, 99];

/** One synthetic service and its SLO. */
export interface SyntheticService {
  index: number;
  /** `svc-007`: the `job` label of its series, the entity name, Sloth's service. */
  name: string;
  traffic: TrafficProfile;
  slo: SloSpec;
  entity: Entity;
  spec: ObservabilitySpec;
  /** Label sets of its raw series, `instances × STATUS_CODES` of them. */
  series: Array<{
    instance: number;
    code: (typeof STATUS_CODES)[number];
    labels: string;
  }>;
}

/** The `count` synthetic services, with `instances` scraped instances each. */
export function syntheticServices(
  count: number,
  instances: number,
  seed: number,
): SyntheticService[] {
  const services: SyntheticService[] = [];
  for (let index = 0; index < count; index++) {
    const name = `svc-${String(index + 1).padStart(3, '0')}`;
    const traffic = trafficProfile(index, seed);
    const slo = sloSpec({
      name: 'availability',
      description: `Requests of ${name} succeed (${traffic.shape} traffic)`,
      objective: OBJECTIVES[Math.floor(index / 4) % OBJECTIVES.length],
      window: '30d',
      errors: `${REQUESTS_METRIC}{job="${name}", code=~"5.."}`,
      total: `${REQUESTS_METRIC}{job="${name}"}`,
    });
    const entityRef = `component:default/${name}`;
    const series: SyntheticService['series'] = [];
    for (let instance = 0; instance < instances; instance++) {
      for (const code of STATUS_CODES) {
        series.push({
          instance,
          code,
          labels: `{job="${name}",instance="${name}-${instance}:8080",code="${code}"}`,
        });
      }
    }
    services.push({
      index,
      name,
      traffic,
      slo,
      series,
      entity: {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: { name, namespace: 'default' },
        spec: {
          type: 'service',
          lifecycle: 'production',
          owner: `group:default/team-${index % 10}`,
        },
      },
      spec: {
        entityRef,
        slos: [slo],
        logs: { selector: `{service_name="${name}"}` },
        traces: { serviceName: name },
        dashboard: false,
        kubernetes: {},
      },
    });
  }
  return services;
}

/**
 * How the requests of `minute` fall on the series of a service: failures on `code="500"`, 3 % of
 * the rest on `404`, the others on `200`; each split evenly over the instances, the remainder
 * going to the instances in turn from minute to minute. Returns one increment per entry of
 * `service.series`, in order.
 */
export function seriesIncrements(
  counts: MinuteCounts,
  instances: number,
  minute: number,
): number[] {
  const good = counts.total - counts.errors;
  const notFound = Math.floor(good * NOT_FOUND_SHARE);
  const byCode = {
    '200': good - notFound,
    '404': notFound,
    '500': counts.errors,
  };
  const out: number[] = [];
  for (let instance = 0; instance < instances; instance++) {
    for (const code of STATUS_CODES) {
      const n = byCode[code];
      const turn = (instance - minute) % instances;
      const rank = turn < 0 ? turn + instances : turn;
      const share = Math.floor(n / instances) + (rank < n % instances ? 1 : 0);
      out.push(share);
    }
  }
  return out;
}
