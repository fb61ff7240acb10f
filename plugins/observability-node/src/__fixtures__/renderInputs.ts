/*
 * Render inputs for unit tests, built directly as the parser's output (so render tests do not
 * depend on the parser), and the render options of a typical installation.
 */
import { Entity } from '@backstage/catalog-model';
import {
  ObservabilitySpec,
  OPENTELEMETRY_PRESETS,
  SloSpec,
} from '@lookout/plugin-observability-common';
import { checkoutAvailabilitySlo } from '@lookout/plugin-observability-common/testUtils';
import { renderEntity } from '../render/renderEntity';
import { RenderInput, RenderOptions } from '../render/types';

/** Options of a typical installation. */
export const renderOptions: RenderOptions = {
  backstageBaseUrl: 'https://backstage.example.com',
  grafanaBaseUrl: 'https://grafana.example.com',
  presets: OPENTELEMETRY_PRESETS,
  resourceLabels: { release: 'kube-prometheus-stack' },
  defaultNamespace: 'observability',
  scrapeKind: 'ServiceMonitor',
};

/** A ratio SLO over prom-client counters. */
export const availabilitySlo: SloSpec = checkoutAvailabilitySlo();

/** A latency SLO over a classic histogram. */
export const latencySlo: SloSpec = {
  name: 'latency',
  objective: 99,
  window: '28d',
  indicator: {
    type: 'latency',
    histogram: 'http_request_duration_seconds',
    histogramType: 'classic',
    thresholdSeconds: 0.3,
    matchers: [{ name: 'job', op: '=', value: 'checkout' }],
  },
  alerting: { page: true, ticket: true, minEvents: 0 },
  labels: {},
  source: 'slos',
};

/** An entity named `name` in `namespace`, owned by team-shop. */
export function entity(
  name = 'checkout',
  options: { namespace?: string; kind?: string; owner?: string } = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: options.kind ?? 'Component',
    metadata: { name, namespace: options.namespace ?? 'default' },
    spec: {
      type: 'service',
      lifecycle: 'production',
      owner: options.owner ?? 'group:default/team-shop',
    },
  };
}

/** A render input: the entity's spec with the given parts. */
export function renderInput(
  parts: Partial<ObservabilitySpec> = {},
  target: Entity = entity(),
): RenderInput {
  const kind = target.kind.toLocaleLowerCase('en-US');
  const namespace = target.metadata.namespace ?? 'default';
  const spec: ObservabilitySpec = {
    entityRef: `${kind}:${namespace}/${target.metadata.name}`,
    slos: [],
    logs: { selector: `{service_name="${target.metadata.name}"}` },
    traces: { serviceName: target.metadata.name },
    dashboard: true,
    kubernetes: {},
    ...parts,
  };
  return { entity: target, spec };
}

/** Scrape settings without a port or static targets. */
export const scrapeSettings = {
  path: '/metrics',
  interval: '30s',
  targets: [] as string[],
};

/**
 * The render of checkout: scraped on its `http-metrics` port, with the availability and latency
 * SLOs, and the given parts.
 */
export function checkoutRender(parts: Partial<ObservabilitySpec> = {}) {
  return renderEntity(
    renderInput({
      metrics: { ...scrapeSettings, port: 'http-metrics' },
      slos: [availabilitySlo, latencySlo],
      ...parts,
    }),
    renderOptions,
  );
}

/** The render of `name`, an entity outside Kubernetes scraped at static `targets`. */
export function staticTargetsRender(name: string, targets: string[]) {
  return renderEntity(
    renderInput({ metrics: { ...scrapeSettings, targets } }, entity(name)),
    renderOptions,
  );
}

/**
 * The metadata of checkout's generated objects in `shop` under the typical installation's
 * options, written out as the Kubernetes objects carry it.
 */
export const checkoutObjectMetadata = {
  name: 'component-default-checkout',
  namespace: 'shop',
  labels: {
    release: 'kube-prometheus-stack',
    'app.kubernetes.io/managed-by': 'lookout',
    'lookout.dev/instance': 'default',
  },
  annotations: {
    'backstage.io/entity-ref': 'component:default/checkout',
  },
};
