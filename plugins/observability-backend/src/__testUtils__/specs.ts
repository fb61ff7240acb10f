/*
 * Entities and their parsed specs for service tests, built with the real annotation parser.
 */
import { Entity } from '@backstage/catalog-model';
import {
  ObservabilitySpec,
  PROM_CLIENT_PRESETS,
  parseObservabilitySpec,
} from '@lookout/plugin-observability-common';
import { componentEntity } from '@lookout/plugin-observability-common/testUtils';
import { stringify } from 'yaml';

/** A component with `count` ratio SLOs named `slo-1`…`slo-<count>` (objective 99.9, window 7d). */
export function entityWithSlos(
  name: string,
  count: number,
  annotations: Record<string, string> = {},
): Entity {
  const slos = Array.from({ length: count }, (_, i) => ({
    name: `slo-${i + 1}`,
    objective: 99.9,
    window: '7d',
    ratio: {
      errors: `http_requests_total{job="${name}", code=~"5.."}`,
      total: `http_requests_total{job="${name}"}`,
    },
  }));
  return componentEntity(
    {
      ...(count > 0 && { 'lookout.dev/slos': stringify(slos) }),
      ...annotations,
    },
    { name },
  );
}

/** The parsed spec of `entity`; fails the test when the parser reports an error. */
export function specOf(entity: Entity): ObservabilitySpec {
  const { spec, problems } = parseObservabilitySpec(entity, {
    presets: PROM_CLIENT_PRESETS,
  });
  const errors = problems.filter(p => p.severity === 'error');
  if (errors.length) {
    throw new Error(`test entity is invalid: ${JSON.stringify(errors)}`);
  }
  return spec;
}
