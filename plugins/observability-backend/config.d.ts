/*
 * Configuration of the Lookout observability plugins. The root key is the plugin id.
 */
import { HumanDuration } from '@backstage/types';

/**
 * How the backend talks to one upstream (Prometheus, Alertmanager, Loki, Tempo); each upstream
 * lists its defaults on its own key.
 */
export interface UpstreamConfig {
  url: string;
  /**
   * Headers sent with every request (e.g. Authorization).
   * @visibility secret
   */
  headers?: { [name: string]: string };
  /**
   * Deadline of one request, waiting for a free slot included; slower answers are 504.
   * A HumanDuration object or a string such as `10s`.
   */
  timeout?: HumanDuration | string;
  /** Answers larger than this many bytes are refused (502). */
  maxResponseBytes?: number;
  /** Requests in flight at once; more wait for a slot. */
  concurrency?: number;
  /**
   * Requests in flight at once for one caller (a user, or a service), so one caller's slow
   * queries never take every slot; waiting callers are served in turns. Default: half of
   * `concurrency`.
   */
  concurrencyPerCaller?: number;
  /**
   * How long identical requests are answered from memory; concurrent identical requests
   * always share one upstream request. `0` turns the cache off.
   */
  cacheTtl?: HumanDuration | string;
  /**
   * Most bytes of answers (counted as their body sizes) the cache keeps; an answer larger
   * than a quarter of it is never kept. Expired answers are dropped on the next request.
   */
  cacheMaxBytes?: number;
}

export interface Config {
  /** Lookout: annotation-driven observability provisioning and signals. */
  observability?: {
    /**
     * Identity of this Lookout installation, stamped on everything it generates (the
     * `lookout.dev/instance` label of Kubernetes objects, the header of generated files, the
     * description and a `lookout-instance:<id>` tag of Grafana dashboards, a `__lookout_instance`
     * label of file_sd groups). Each installation replaces, prunes and deletes only what carries
     * its own id, and never takes over anything else: give each installation that shares a
     * folder, a cluster or a Grafana (e.g. staging and production portals) its own id. The `lookout`
     * CLI reads it from `--config` too. 1 to 40 lowercase letters, digits and inner dashes.
     * Default `default` (also the owner of what earlier versions generated without a mark).
     */
    instanceId?: string;
    /** How annotation problems found at catalog ingestion are reported. */
    validation?: {
      /**
       * `lenient` (default): problems are logged and shown on the entity page.
       * `strict`: errors also become catalog processing errors of the entity.
       */
      mode?: 'lenient' | 'strict';
    };

    /** Metric and label names behind the SLO presets (`lookout.dev/slo-availability`, `-latency`). */
    presets?: {
      /**
       * Naming convention: `opentelemetry` (default; `http_server_request_duration_seconds`,
       * `http_response_status_code`) or `prom-client` (`http_requests_total`,
       * `http_request_duration_seconds`, `code`). The keys below override single names.
       */
      convention?: 'opentelemetry' | 'prom-client';
      /** Counter of all requests. */
      requestsMetric?: string;
      /** Label holding the HTTP status code. */
      statusCodeLabel?: string;
      /** Regular expression of the status codes counted as errors. Default `5..`. */
      errorStatusRegex?: string;
      /** Histogram of request durations in seconds (base name). */
      durationHistogram?: string;
      /** `classic` (le buckets, default) or `native`. */
      histogramType?: 'classic' | 'native';
    };

    /**
     * On-call routing generated from the catalog (docs/configuration.md, "Alerting"): teams name
     * their receivers with annotations on their Group (docs/annotations.md); these are the
     * defaults of the generated Alertmanager configuration.
     */
    alerting?: {
      /**
       * Receiver of alerts no team route takes: an owner whose Group names no receiver, an
       * entity without owner. Same fields as the Group annotations. Default: `unrouted`, with no
       * integration (the stack's base configuration defines it).
       */
      defaultReceiver?: {
        /** Receiver name. Default `unrouted`. */
        name?: string;
        /** PagerDuty Events API v2 integration key (as `pagerduty.com/integration-key`). */
        pagerdutyIntegrationKey?: string;
        /** `<secret>/<key>` holding the PagerDuty routing key (as `lookout.dev/pager-secret`). */
        pagerSecret?: string;
        /** `<secret>/<key>` holding a Slack webhook URL. */
        slackSecret?: string;
        /** Slack channel, e.g. `#unrouted`. */
        slackChannel?: string;
        /** E-mail address. */
        email?: string;
        /** Generic webhook URL. */
        webhook?: string;
      };
      /** `group_by` of the root route. Default `[alertname, team, severity, backstage_entity, slo]`. */
      groupBy?: string[];
      /** `group_wait` of the root route (Prometheus duration). Default `30s`. */
      groupWait?: string;
      /** `group_interval` of the root route. Default `5m`. */
      groupInterval?: string;
      /** `repeat_interval` of the root route. Default `4h`. */
      repeatInterval?: string;
      /** Timings of the routes of each severity. Defaults: page `10s`/`1h`, ticket repeat `24h`. */
      severities?: {
        page?: {
          groupWait?: string;
          groupInterval?: string;
          repeatInterval?: string;
        };
        ticket?: {
          groupWait?: string;
          groupInterval?: string;
          repeatInterval?: string;
        };
      };
      /**
       * Namespace of the generated AlertmanagerConfig objects (operator format) and of the
       * Secrets they refer to. Default `observability.render.defaultNamespace`.
       */
      namespace?: string;
      /**
       * Folder under which a plain Alertmanager reads Secret keys as files, `<folder>/<secret>/<key>`
       * (prometheus format). Default `/etc/alertmanager/secrets`, as prometheus-operator mounts them.
       */
      secretsDirectory?: string;
      /** SMTP of the plain configuration; needed when a team gets tickets by e-mail. */
      smtp?: {
        /** `host:port`. */
        smarthost: string;
        from: string;
      };
    };

    /** How the generated objects look. */
    render?: {
      /** Kind of scrape object for workloads in Kubernetes. Default `ServiceMonitor`. */
      scrapeKind?: 'ServiceMonitor' | 'PodMonitor';
      /** Namespace of generated custom resources when the entity names none. Default `observability`. */
      defaultNamespace?: string;
      /**
       * Labels on every generated custom resource, to match the operator's selectors, e.g.
       * `release: kube-prometheus-stack`.
       */
      resourceLabels?: { [name: string]: string };
      /** Runbook of alerts whose SLO and entity name none. Default: the entity page. */
      defaultRunbookUrl?: string;
      /**
       * Also emit a grafana-operator `GrafanaDashboard` per entity (operator format), selecting
       * the Grafana instances below.
       */
      grafanaOperator?: {
        instanceSelector: { matchLabels: { [name: string]: string } };
        /** Let Grafana instances in other namespaces import the dashboard. */
        allowCrossNamespaceImport?: boolean;
      };
    };

    /** Provisioning of the rendered objects into the stack. */
    provisioning?: {
      /** Turn the reconciler off (validation and signals stay on). Default true. */
      enabled?: boolean;
      /** Schedule of the reconciler (a global task: one replica runs it at a time). */
      schedule?: {
        /** Default every 30 seconds. */
        frequency?: HumanDuration;
        /** Default 5 minutes. */
        timeout?: HumanDuration;
        /** Delay before the first run. Default 5 seconds. */
        initialDelay?: HumanDuration;
      };
      /**
       * Interval of full syncs: each sink prunes the Lookout-managed objects no entity owns and
       * reports missing ones, which are provisioned again. Also done on the first run of a
       * process. Default 1 hour.
       */
      fullSync?: HumanDuration;
      /** Back-off of failed attempts (per entity and sink), doubling from `initialDelay` up to `maxDelay`. */
      retry?: {
        /** Delay after the first failure. Default 30 seconds. */
        initialDelay?: HumanDuration;
        /** Longest delay. Default 1 hour. */
        maxDelay?: HumanDuration;
      };
      /** Where the rendered objects go; default a single `kustomize` sink. */
      sinks?: Array<{
        /** `kustomize`, `prometheus-files`, `alertmanager-files`, `kubernetes`, `grafana`, or a type added through the `observability.sinks` extension point. */
        type: string;
        /** Name of the sink in status reports; default its type. */
        name?: string;
        /**
         * kustomize: folder of the operator format, relative to the backend's working directory. Default `deploy/observability/entities`.
         * alertmanager-files: folder of the generated `alertmanager.yaml` (and the teams' `owners/*.json` it is written from).
         */
        directory?: string;
        /** prometheus-files: folder of the rule files. */
        rulesDirectory?: string;
        /** prometheus-files: folder of the file_sd target files. */
        targetsDirectory?: string;
        /** prometheus-files: folder of dashboard JSON files for Grafana's file provisioning (optional). */
        dashboardsDirectory?: string;
        /** prometheus-files: Prometheus lifecycle reload URL (`--web.enable-lifecycle`); without it, no reload. alertmanager-files: Alertmanager's `/-/reload`. */
        reloadUrl?: string;
        /**
         * prometheus-files: headers of the reload request (e.g. Authorization).
         * @visibility secret
         */
        reloadHeaders?: { [name: string]: string };
        /** prometheus-files: time before a reload counts as failed. Default 30 seconds. */
        reloadTimeout?: HumanDuration;
        /** kubernetes: name of a cluster of the Kubernetes plugin's config (`kubernetes.clusterLocatorMethods`). */
        cluster?: string;
        /** grafana: folder title of the dashboards; `{{owner}}` is replaced. Default `{{owner}}`. */
        folder?: string;
        /** grafana: folder of dashboards whose entity names no owner. Default `Lookout`. */
        defaultFolder?: string;
      }>;
    };

    /**
     * Prometheus or Thanos Query serving the SLO series. Defaults: timeout 10 seconds,
     * maxResponseBytes 16 MiB, concurrency 10 (5 per caller), cacheTtl 10 seconds, cacheMaxBytes
     * 16 MiB.
     */
    prometheus?: UpstreamConfig & {
      /** Thanos Query extensions, sent only when set (plain Prometheus ignores them). */
      thanos?: {
        /** `partial_response`: answer from the stores that answered; a warning says so. */
        partialResponse?: boolean;
        /** `dedup`: deduplicate replicas (Thanos' own default is true). */
        dedup?: boolean;
      };
    };

    /**
     * Alertmanager (API v2). Defaults: timeout 10 seconds, maxResponseBytes 4 MiB, concurrency 5
     * (2 per caller), cacheTtl 5 seconds, cacheMaxBytes 4 MiB.
     */
    alertmanager?: UpstreamConfig & {
      /** Link target of alerts in the UI; default `url`. */
      externalUrl?: string;
    };

    /**
     * Loki. Defaults: timeout 10 seconds, maxResponseBytes 32 MiB, concurrency 5 (2 per caller),
     * cacheTtl 5 seconds, cacheMaxBytes 16 MiB.
     */
    loki?: UpstreamConfig & {
      /** Default tenant (`X-Scope-OrgID`) of entities without `lookout.dev/logs-tenant`. */
      tenant?: string;
      /**
       * Default stream selector of entities without `lookout.dev/logs-selector`; `{{name}}`,
       * `{{namespace}}`, `{{serviceNamespace}}` (the namespace, empty in `default`) and
       * `{{kind}}` are replaced. Default
       * `{service_namespace="{{serviceNamespace}}", service_name="{{name}}"}`.
       */
      selectorTemplate?: string;
    };

    /**
     * Tempo. Defaults: timeout 10 seconds, maxResponseBytes 64 MiB, concurrency 5 (2 per caller),
     * cacheTtl 10 seconds, cacheMaxBytes 16 MiB.
     */
    tempo?: UpstreamConfig;

    /**
     * What entities may see of the logs and traces, and which series a
     * `lookout.dev/metrics-selector` may name. Patterns are text with `*` for any characters
     * and `{{name}}`, `{{namespace}}`, `{{serviceNamespace}}`, `{{kind}}` of the entity.
     */
    scope?: {
      /** Kinds with default logs and traces (others only what their annotations name). Default `[Component, Resource]`. */
      kinds?: string[];
      /** Defaults of the entities of one namespace. */
      namespaces?: {
        [namespace: string]: {
          /** Default stream selector (a template, like `loki.selectorTemplate`). */
          logsSelector?: string;
          /** Default Loki tenant. */
          logsTenant?: string;
          /** `service.namespace` of the traces (a template); `false` searches by service name only. Default `{{serviceNamespace}}`. */
          tracesNamespace?: string | false;
        };
      };
      /** What `lookout.dev/logs-selector`, `metrics-selector`, `logs-tenant` and `traces-service` may select. */
      allow?: {
        /**
         * Labels a logs selector must match with `=`, each with its allowed values, e.g.
         * `namespace: ['{{namespace}}', '{{namespace}}-*']`. A selector always needs one `=` matcher.
         */
        logLabels?: { [label: string]: string[] };
        /**
         * Labels a `lookout.dev/metrics-selector` must match, each with its allowed values, e.g.
         * `job: ['{{name}}', '{{name}}-*']`: every listed label the selector uses must have an
         * allowed value, and it must use one of them. Default: any (its series never include
         * those Lookout scrapes, which carry `backstage_entity`).
         */
        metricLabels?: { [label: string]: string[] };
        /** Allowed tenants. Default: the entity's namespace and `loki.tenant`. */
        tenants?: string[];
        /** Allowed trace services. Default: any (outside `default` the namespace still applies). */
        traceServices?: string[];
      };
    };

    /** Limits shared by all signal sources. */
    signals?: {
      /**
       * Most bytes of upstream answers being read and interpreted at once, all sources together;
       * a request that would exceed it answers 503 (try again). Default 96 MiB (100663296).
       */
      maxInFlightBytes?: number;
    };

    /** Grafana, for dashboard links and the `grafana` sink. */
    grafana?: {
      /** URL the backend talks to. */
      url: string;
      /** URL the browser opens; default `url`. */
      externalUrl?: string;
      /**
       * Service account token of the `grafana` sink.
       * @visibility secret
       */
      token?: string;
    };

    /** Custom panels of the Metrics tab (`lookout.dev/panels`, `prometheus.io/rule`). */
    panels?: {
      /**
       * Accept panel queries whose selectors are not confined to the entity
       * (`backstage_entity="<ref>"`). Default false: such a panel is refused with a problem on
       * the annotation, since any catalog author could read any series through it.
       */
      allowUnscoped?: boolean;
    };

    /** Pyroscope (or Grafana's profiles app), for links from the tabs to an entity's profiles. */
    pyroscope?: {
      /**
       * URL the browser opens: Pyroscope's UI (`https://pyroscope.example.com`), or Grafana's
       * profiles app (`https://grafana.example.com/a/grafana-pyroscope-app`).
       */
      externalUrl: string;
    };

    /** Releases recorded through `POST .../releases` (docs/releases.md). */
    releases?: {
      /** How long releases are kept in the plugin's database. Default 1 year; at least 1 day. */
      retention?: HumanDuration | string;
      /**
       * The longer span of every release's impact, next to the hour before and after. A whole
       * number of 5 minutes from 1 hour to 7 days. Default 1 day.
       */
      impactSpan?: HumanDuration | string;
      /**
       * Releases per entity in the release-info series (`lookout_release_info`,
       * `GET /api/observability/releases/metrics`) that dashboards mark. 0 to 100; default 10.
       */
      exportPerEntity?: number;
    };
  };
}
