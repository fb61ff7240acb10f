/*
 * The annotation contract (v1) of Lookout: every key a catalog entity may carry, with the
 * documentation the frontend and the docs show for it. DESIGN §2.
 */

/** Prefix of every Lookout annotation. @public */
export const LOOKOUT_ANNOTATION_PREFIX = 'lookout.dev/';

/** @public */
export const ANNOTATION_METRICS_PORT = 'lookout.dev/metrics-port';
/** @public */
export const ANNOTATION_METRICS_PATH = 'lookout.dev/metrics-path';
/** @public */
export const ANNOTATION_METRICS_INTERVAL = 'lookout.dev/metrics-interval';
/** @public */
export const ANNOTATION_METRICS_TARGETS = 'lookout.dev/metrics-targets';
/** @public */
export const ANNOTATION_SLO_AVAILABILITY = 'lookout.dev/slo-availability';
/** @public */
export const ANNOTATION_SLO_LATENCY = 'lookout.dev/slo-latency';
/** @public */
export const ANNOTATION_SLO_WINDOW = 'lookout.dev/slo-window';
/** @public */
export const ANNOTATION_SLOS = 'lookout.dev/slos';
/** @public */
export const ANNOTATION_OPENSLO = 'lookout.dev/openslo';
/** @public */
export const ANNOTATION_LOGS_SELECTOR = 'lookout.dev/logs-selector';
/** @public */
export const ANNOTATION_LOGS_TENANT = 'lookout.dev/logs-tenant';
/** @public */
export const ANNOTATION_TRACES_SERVICE = 'lookout.dev/traces-service';
/** @public */
export const ANNOTATION_DASHBOARD = 'lookout.dev/dashboard';
/** @public */
export const ANNOTATION_RUNBOOK_URL = 'lookout.dev/runbook-url';
/** @public */
export const ANNOTATION_DEPLOY_FREEZE_BUDGET =
  'lookout.dev/deploy-freeze-budget';
/** @public */
export const ANNOTATION_DEPLOY_EXEMPT = 'lookout.dev/deploy-exempt';

/** Workload identity, shared with the Kubernetes plugin. @public */
export const ANNOTATION_KUBERNETES_ID = 'backstage.io/kubernetes-id';
/** @public */
export const ANNOTATION_KUBERNETES_NAMESPACE =
  'backstage.io/kubernetes-namespace';
/** @public */
export const ANNOTATION_KUBERNETES_LABEL_SELECTOR =
  'backstage.io/kubernetes-label-selector';

/**
 * Target label that every series scraped for an entity carries (set by relabelling).
 * @public
 */
export const ENTITY_LABEL = 'backstage_entity';

/**
 * Reference documentation of one annotation, used by the entity card's empty state, problem
 * hints and `docs/annotations.md`.
 * @public
 */
export interface AnnotationDoc {
  annotation: string;
  description: string;
  /** What a valid value looks like. */
  example: string;
  /** Default when absent, if any. */
  default?: string;
}

/** Every Lookout annotation, in the order the documentation lists them. @public */
export const LOOKOUT_ANNOTATIONS: readonly AnnotationDoc[] = [
  {
    annotation: ANNOTATION_METRICS_PORT,
    description:
      'Service port name or number to scrape; its presence turns scrape provisioning on.',
    example: 'http-metrics',
  },
  {
    annotation: ANNOTATION_METRICS_PATH,
    description: 'Path of the metrics endpoint.',
    example: '/metrics',
    default: '/metrics',
  },
  {
    annotation: ANNOTATION_METRICS_INTERVAL,
    description: 'Scrape interval, between 5s and 5m.',
    example: '30s',
    default: '30s',
  },
  {
    annotation: ANNOTATION_METRICS_TARGETS,
    description:
      'Comma-separated host:port targets outside Kubernetes (ScrapeConfig / file_sd).',
    example: 'legacy-1.example.com:9100, legacy-2.example.com:9100',
  },
  {
    annotation: ANNOTATION_SLO_AVAILABILITY,
    description:
      'Preset availability SLO over the HTTP server metrics: objective in percent.',
    example: '99.9',
  },
  {
    annotation: ANNOTATION_SLO_LATENCY,
    description:
      'Preset latency SLO: percent of requests faster than a threshold.',
    example: '99% < 300ms',
  },
  {
    annotation: ANNOTATION_SLO_WINDOW,
    description:
      'SLO window of the presets and of `slos` entries without one, 7d to 90d.',
    example: '28d',
    default: '30d',
  },
  {
    annotation: ANNOTATION_SLOS,
    description: 'YAML list of full SLO definitions (ratio or latency SLIs).',
    example:
      '- name: availability\n  objective: 99.9\n  ratio:\n    errors: http_requests_total{job="checkout", code=~"5.."}\n    total: http_requests_total{job="checkout"}',
  },
  {
    annotation: ANNOTATION_OPENSLO,
    description:
      "Location of OpenSLO v1 documents, relative to the entity's source location, or url:<address>.",
    example: './slos.yaml',
  },
  {
    annotation: ANNOTATION_LOGS_SELECTOR,
    description: 'LogQL stream selector of the service’s logs.',
    example: '{namespace="shop", app="checkout"}',
    default: '{service_name="<entity name>"} (configurable)',
  },
  {
    annotation: ANNOTATION_LOGS_TENANT,
    description: 'Loki tenant (X-Scope-OrgID) holding the logs.',
    example: 'shop',
    default: 'observability.loki.tenant',
  },
  {
    annotation: ANNOTATION_TRACES_SERVICE,
    description: 'Tempo resource.service.name of the service’s spans.',
    example: 'checkout',
    default: '<entity name>',
  },
  {
    annotation: ANNOTATION_DASHBOARD,
    description: '"false" opts out of the generated Grafana dashboard.',
    example: 'false',
    default: 'on when metrics or SLOs are set',
  },
  {
    annotation: ANNOTATION_RUNBOOK_URL,
    description: 'Runbook linked from every alert of the entity.',
    example: 'https://runbooks.example.com/checkout',
    default: 'the entity page',
  },
  {
    annotation: ANNOTATION_DEPLOY_FREEZE_BUDGET,
    description:
      'Deploys are frozen (`GET .../deploy-gate`, `lookout gate`) while any SLO has this percent of its error budget left, or less.',
    example: '10',
    default: '0 (frozen once a budget is exhausted)',
  },
  {
    annotation: ANNOTATION_DEPLOY_EXEMPT,
    description:
      'Comma-separated release kinds that may deploy during a freeze.',
    example: 'fix, security',
    default: 'none',
  },
];
