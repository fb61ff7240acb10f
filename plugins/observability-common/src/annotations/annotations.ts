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

/**
 * The PagerDuty Backstage plugin's annotation: the Events API v2 integration (routing) key of a
 * Component or Group. Lookout pages it as written.
 * @public
 */
export const ANNOTATION_PAGERDUTY_INTEGRATION_KEY =
  'pagerduty.com/integration-key';
/** Kubernetes Secret key (`<secret>/<key>`) holding the PagerDuty routing key. @public */
export const ANNOTATION_PAGER_SECRET = 'lookout.dev/pager-secret';
/** A Group's ticket channel: Secret key (`<secret>/<key>`) holding a Slack webhook URL. @public */
export const ANNOTATION_TICKETS_SLACK_SECRET =
  'lookout.dev/tickets-slack-secret';
/** Slack channel of the ticket webhook, e.g. `#shop-alerts`. @public */
export const ANNOTATION_TICKETS_SLACK_CHANNEL =
  'lookout.dev/tickets-slack-channel';
/** A Group's ticket channel by e-mail. @public */
export const ANNOTATION_TICKETS_EMAIL = 'lookout.dev/tickets-email';
/** A Group's ticket channel as a generic webhook (Alertmanager webhook payload). @public */
export const ANNOTATION_TICKETS_WEBHOOK = 'lookout.dev/tickets-webhook';

/** Custom PromQL panels of the Metrics tab and the dashboard (YAML list). @public */
export const ANNOTATION_PANELS = 'lookout.dev/panels';
/**
 * Label matchers of the entity's series when Lookout does not scrape it (its series carry no
 * `backstage_entity`): the scope of its panels and golden signals. @public
 */
export const ANNOTATION_METRICS_SELECTOR = 'lookout.dev/metrics-selector';

/** Roadie's Prometheus plugin: `metric|grouping` pairs, comma-separated, charted as panels. @public */
export const ANNOTATION_PROMETHEUS_RULE = 'prometheus.io/rule';
/** Roadie's Prometheus plugin: alert names (comma-separated) or `all`. @public */
export const ANNOTATION_PROMETHEUS_ALERT = 'prometheus.io/alert';
/** The Grafana plugin: a selector over dashboard tags, e.g. `tags @> 'checkout'`. @public */
export const ANNOTATION_GRAFANA_DASHBOARD_SELECTOR =
  'grafana/dashboard-selector';
/** The Grafana plugin: URL of the entity's overview dashboard. @public */
export const ANNOTATION_GRAFANA_OVERVIEW_DASHBOARD =
  'grafana/overview-dashboard';
/** The Grafana plugin: a label selector of the entity's Grafana alerts. @public */
export const ANNOTATION_GRAFANA_ALERT_LABEL_SELECTOR =
  'grafana/alert-label-selector';

/** Annotations of other Backstage plugins that Lookout reads. @public */
export const IMPORTED_ANNOTATIONS: readonly string[] = [
  ANNOTATION_PROMETHEUS_RULE,
  ANNOTATION_PROMETHEUS_ALERT,
  ANNOTATION_GRAFANA_DASHBOARD_SELECTOR,
  ANNOTATION_GRAFANA_OVERVIEW_DASHBOARD,
  ANNOTATION_GRAFANA_ALERT_LABEL_SELECTOR,
];

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
    default:
      '{service_namespace="<namespace, empty in default>", service_name="<entity name>"} (configurable)',
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
    default: 'on when metrics, SLOs or panels are set',
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
  {
    annotation: ANNOTATION_PANELS,
    description:
      'YAML list of custom PromQL panels (title, query, optional unit, kind, legend) for the Metrics tab and the dashboard; every selector must carry backstage_entity="<entity ref>".',
    example:
      '- title: Orders per second\n  query: sum(rate(shop_orders_total{backstage_entity="component:default/checkout"}[5m]))\n  unit: ops',
  },
  {
    annotation: ANNOTATION_METRICS_SELECTOR,
    description:
      "Equality label matchers of the entity's series when another scrape config collects them without backstage_entity: panels and golden signals are confined to them instead.",
    example: '{job="checkout", namespace="shop"}',
  },
];

/**
 * The annotations that say where an owner's alerts go (on a Group, or a Component's own pager).
 * They do not turn observability on for the entity that carries them.
 * @public
 */
export const LOOKOUT_ROUTING_ANNOTATIONS: readonly AnnotationDoc[] = [
  {
    annotation: ANNOTATION_PAGERDUTY_INTEGRATION_KEY,
    description:
      "PagerDuty Events API v2 integration key (the PagerDuty plugin's annotation) of a Component or its owning Group: pages go there.",
    example: '0123456789abcdef0123456789abcdef',
  },
  {
    annotation: ANNOTATION_PAGER_SECRET,
    description:
      'Instead of the key itself: <secret>/<key> of a Kubernetes Secret holding the PagerDuty routing key.',
    example: 'alertmanager-receivers/team-shop-pagerduty-routing-key',
  },
  {
    annotation: ANNOTATION_TICKETS_SLACK_SECRET,
    description:
      "A Group's ticket channel: <secret>/<key> of a Kubernetes Secret holding a Slack webhook URL.",
    example: 'alertmanager-receivers/team-shop-slack-webhook-url',
  },
  {
    annotation: ANNOTATION_TICKETS_SLACK_CHANNEL,
    description: 'Slack channel the ticket webhook posts to (shown to users).',
    example: '#shop-alerts',
  },
  {
    annotation: ANNOTATION_TICKETS_EMAIL,
    description: "A Group's ticket channel by e-mail.",
    example: 'shop-oncall@example.com',
  },
  {
    annotation: ANNOTATION_TICKETS_WEBHOOK,
    description:
      "A Group's ticket channel as a generic webhook receiving Alertmanager's payload.",
    example: 'https://tickets.example.com/hooks/alertmanager',
  },
];
