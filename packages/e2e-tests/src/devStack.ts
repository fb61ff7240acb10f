/*
 * A local observability stack from the binaries on PATH (Debian's prometheus,
 * prometheus-alertmanager, prometheus-pushgateway) plus the demo service, wired to the folders
 * Lookout's `prometheus-files` sink writes: Prometheus loads the rules and file_sd targets
 * Lookout provisions, scrapes the demo service, and sends alerts to Alertmanager.
 */
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { backfillOpenMetrics } from './promtool';
import { REPO_ROOT } from './startLookout';

/** Binaries the stack needs, with the Debian package that ships each. */
export const STACK_BINARIES: Record<string, string> = {
  prometheus: 'prometheus',
  'prometheus-alertmanager': 'prometheus-alertmanager',
  'prometheus-pushgateway': 'prometheus-pushgateway',
};

/** Ports and folders of a stack. */
export interface DevStackOptions {
  /** Folder for state and config. Default `.lookout/dev-stack` in the repository. */
  directory?: string;
  prometheusPort?: number;
  alertmanagerPort?: number;
  pushgatewayPort?: number;
  demoPort?: number;
  demoMetricsPort?: number;
  /** Scrape and rule evaluation interval. Default `5s` (fast feedback). */
  interval?: string;
  /**
   * Scrape interval of every target, overriding the one a target carries (Lookout's file_sd
   * targets carry the entity's `lookout.dev/metrics-interval`, 5s for the demo service).
   * Default: `interval`, and the targets' own intervals win.
   */
  scrapeInterval?: string;
  /** Rule evaluation interval of groups without their own. Default: `interval`. */
  evaluationInterval?: string;
  /** Alertmanager's `group_wait` (how long a new alert group waits before it is sent). Default `1s`. */
  groupWait?: string;
  /** A URL Alertmanager posts every notification to (webhook receiver). Default: none. */
  webhookUrl?: string;
  /**
   * OpenMetrics text backfilled into Prometheus' storage with promtool before Prometheus starts
   * (called again by `resetPrometheusAndAlertmanager`, so it can depend on the time; an empty
   * string backfills nothing).
   */
  history?: () => string;
  /** Rule files (file name → YAML) Prometheus loads beside the ones Lookout provisions. */
  extraRules?: Record<string, string>;
  /** Requests per second the built-in traffic generator sends to the demo service; 0 for none. */
  trafficPerSecond?: number;
}

/** A running stack. */
export interface DevStack {
  prometheusUrl: string;
  alertmanagerUrl: string;
  pushgatewayUrl: string;
  demoUrl: string;
  /** The folders Lookout's prometheus-files sink must write. */
  rulesDirectory: string;
  targetsDirectory: string;
  /** An app-config fragment pointing Lookout at this stack. */
  appConfig: string;
  /**
   * Stops Prometheus and Alertmanager, empties their storage, backfills `history` again and
   * starts them on the same ports: a fresh start for another measurement, the rules Lookout
   * provisioned kept.
   */
  resetPrometheusAndAlertmanager(): Promise<void>;
  /** What runs where, for humans. */
  describe(): string;
  stop(): Promise<void>;
}

/** Static external-access token the dev stack's app config accepts (for `LOOKOUT_TOKEN`). */
export const DEV_STACK_TOKEN = 'lookout-dev-stack';

/** The binaries missing from PATH, by name. */
export function missingBinaries(): string[] {
  return Object.keys(STACK_BINARIES).filter(bin => {
    try {
      execFileSync('sh', ['-c', `command -v ${bin}`], { stdio: 'ignore' });
      return false;
    } catch {
      return true;
    }
  });
}

/** Resolves once `url` answers 200; throws with the log tail if the process exits or time runs out. */
export async function waitReady(
  url: string,
  what: string,
  child: ChildProcess,
  log: () => string,
  timeoutMs = 60_000,
) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) {
      throw new Error(
        `${what} exited with ${child.exitCode}:\n${log().slice(-3000)}`,
      );
    }
    try {
      if ((await fetch(url, { signal: AbortSignal.timeout(1000) })).ok) return;
    } catch {
      // not yet
    }
    if (Date.now() > deadline)
      throw new Error(`${what} did not become ready:\n${log().slice(-3000)}`);
    await new Promise(r => setTimeout(r, 250));
  }
}

/** Starts the stack; resolves when every part answers. */
export async function startDevStack(
  options: DevStackOptions = {},
): Promise<DevStack> {
  const missing = missingBinaries();
  if (missing.length > 0) {
    throw new Error(
      `missing ${missing.join(', ')}: install the Debian packages ${missing
        .map(m => STACK_BINARIES[m])
        .join(' ')} (apt-get install ...)`,
    );
  }
  const dir = resolve(
    options.directory ?? join(REPO_ROOT, '.lookout/dev-stack'),
  );
  const ports = {
    prometheus: options.prometheusPort ?? 9090,
    alertmanager: options.alertmanagerPort ?? 9093,
    pushgateway: options.pushgatewayPort ?? 9091,
    demo: options.demoPort ?? 8080,
    demoMetrics: options.demoMetricsPort ?? 9464,
  };
  const interval = options.interval ?? '5s';
  const rulesDirectory = join(dir, 'prometheus/rules');
  const targetsDirectory = join(dir, 'prometheus/targets');
  const extraRulesDirectory = join(dir, 'prometheus/extra-rules');
  const prometheusData = join(dir, 'prometheus/data');
  const alertmanagerData = join(dir, 'alertmanager/data');
  for (const sub of [
    prometheusData,
    alertmanagerData,
    rulesDirectory,
    targetsDirectory,
    extraRulesDirectory,
  ]) {
    mkdirSync(sub, { recursive: true });
  }
  for (const [name, yaml] of Object.entries(options.extraRules ?? {})) {
    writeFileSync(join(extraRulesDirectory, name), yaml);
  }

  writeFileSync(
    join(dir, 'prometheus/prometheus.yml'),
    [
      '# Written by yarn dev:stack.',
      'global:',
      `  scrape_interval: ${options.scrapeInterval ?? interval}`,
      `  evaluation_interval: ${options.evaluationInterval ?? interval}`,
      'rule_files:',
      `  - ${rulesDirectory}/*.yaml`,
      `  - ${extraRulesDirectory}/*.yaml`,
      'alerting:',
      '  alertmanagers:',
      '    - static_configs:',
      `        - targets: ['127.0.0.1:${ports.alertmanager}']`,
      'scrape_configs:',
      '  - job_name: lookout',
      '    file_sd_configs:',
      `      - files: ['${targetsDirectory}/*.json']`,
      ...(options.scrapeInterval
        ? [
            '    relabel_configs:',
            '      - target_label: __scrape_interval__',
            `        replacement: ${options.scrapeInterval}`,
          ]
        : []),
      '  - job_name: pushgateway',
      '    honor_labels: true',
      '    static_configs:',
      `      - targets: ['127.0.0.1:${ports.pushgateway}']`,
      '',
    ].join('\n'),
  );
  writeFileSync(
    join(dir, 'alertmanager/alertmanager.yml'),
    [
      '# Written by yarn dev:stack: every alert to a receiver without integrations.',
      'route:',
      '  receiver: local',
      '  group_by: [alertname, slo, backstage_entity]',
      `  group_wait: ${options.groupWait ?? '1s'}`,
      '  group_interval: 5s',
      'receivers:',
      '  - name: local',
      ...(options.webhookUrl
        ? [
            '    webhook_configs:',
            `      - url: ${JSON.stringify(options.webhookUrl)}`,
            '        send_resolved: false',
          ]
        : []),
      'inhibit_rules:',
      '  - source_matchers: [alertname="ErrorBudgetBurn", severity="page"]',
      '    target_matchers: [alertname="ErrorBudgetBurn", severity="ticket"]',
      '    equal: [slo, backstage_entity]',
      '',
    ].join('\n'),
  );

  type Child = { name: string; child: ChildProcess; log: () => string };
  const children: Child[] = [];
  const run = (
    name: string,
    command: string,
    args: string[],
    env?: NodeJS.ProcessEnv,
  ) => {
    const child = spawn(command, args, {
      cwd: dir,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    child.stdout!.on('data', d => (log = (log + d).slice(-20000)));
    child.stderr!.on('data', d => (log = (log + d).slice(-20000)));
    const entry = { name, child, log: () => log };
    children.push(entry);
    return entry;
  };
  const stopChild = async ({ child }: Child) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise(r => child.once('exit', r));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  };

  let traffic: NodeJS.Timeout | undefined;
  const stop = async () => {
    if (traffic) clearInterval(traffic);
    await Promise.all(children.map(stopChild));
  };

  const backfill = async () => {
    const history = options.history?.();
    if (!history) return;
    const file = join(dir, 'prometheus/history.om');
    writeFileSync(file, history);
    await backfillOpenMetrics(file, prometheusData);
    rmSync(file);
  };
  const startPrometheusAndAlertmanager = async () => {
    await backfill();
    const prometheus = run('prometheus', 'prometheus', [
      `--config.file=${join(dir, 'prometheus/prometheus.yml')}`,
      `--storage.tsdb.path=${prometheusData}`,
      `--web.listen-address=127.0.0.1:${ports.prometheus}`,
      '--web.enable-lifecycle',
    ]);
    const alertmanager = run('alertmanager', 'prometheus-alertmanager', [
      `--config.file=${join(dir, 'alertmanager/alertmanager.yml')}`,
      `--storage.path=${alertmanagerData}`,
      `--web.listen-address=127.0.0.1:${ports.alertmanager}`,
      '--cluster.listen-address=',
    ]);
    await Promise.all([
      waitReady(
        `http://127.0.0.1:${ports.prometheus}/-/ready`,
        'prometheus',
        prometheus.child,
        prometheus.log,
      ),
      waitReady(
        `http://127.0.0.1:${ports.alertmanager}/-/ready`,
        'alertmanager',
        alertmanager.child,
        alertmanager.log,
      ),
    ]);
    return { prometheus, alertmanager };
  };
  let upstreams: { prometheus: Child; alertmanager: Child } | undefined;

  try {
    const pushgateway = run('pushgateway', 'prometheus-pushgateway', [
      `--web.listen-address=127.0.0.1:${ports.pushgateway}`,
    ]);
    const demo = run(
      'demo-service',
      process.execPath,
      [
        '--require',
        require.resolve('@backstage/cli/config/nodeTransform.cjs'),
        join(REPO_ROOT, 'examples/demo-service/src/main.ts'),
      ],
      {
        PORT: String(ports.demo),
        METRICS_PORT: String(ports.demoMetrics),
        NODE_ENV: 'development',
      },
    );
    const [started] = await Promise.all([
      startPrometheusAndAlertmanager(),
      waitReady(
        `http://127.0.0.1:${ports.pushgateway}/-/ready`,
        'pushgateway',
        pushgateway.child,
        pushgateway.log,
      ),
      waitReady(
        `http://127.0.0.1:${ports.demo}/healthz`,
        'demo-service',
        demo.child,
        demo.log,
      ),
    ]);
    upstreams = started;
  } catch (e) {
    await stop();
    throw e;
  }

  const resetPrometheusAndAlertmanager = async () => {
    if (upstreams) {
      await Promise.all([
        stopChild(upstreams.prometheus),
        stopChild(upstreams.alertmanager),
      ]);
    }
    for (const data of [prometheusData, alertmanagerData]) {
      rmSync(data, { recursive: true, force: true });
      mkdirSync(data, { recursive: true });
    }
    upstreams = await startPrometheusAndAlertmanager();
  };

  const demoUrl = `http://127.0.0.1:${ports.demo}`;
  const perSecond = options.trafficPerSecond ?? 5;
  if (perSecond > 0) {
    traffic = setInterval(() => {
      fetch(`${demoUrl}/api/items`).then(
        r => r.arrayBuffer(),
        () => undefined,
      );
    }, Math.max(10, Math.round(1000 / perSecond)));
    traffic.unref();
  }

  const prometheusUrl = `http://127.0.0.1:${ports.prometheus}`;
  const alertmanagerUrl = `http://127.0.0.1:${ports.alertmanager}`;
  const appConfig = [
    '# Written by yarn dev:stack: Lookout provisions into the local stack and reads from it.',
    'observability:',
    '  provisioning:',
    '    schedule:',
    '      frequency: { seconds: 10 }',
    '    sinks:',
    '      - type: kustomize',
    '        directory: ../../deploy/observability/entities',
    '      - type: prometheus-files',
    `        rulesDirectory: ${rulesDirectory}`,
    `        targetsDirectory: ${targetsDirectory}`,
    `        reloadUrl: ${prometheusUrl}/-/reload`,
    '  prometheus:',
    `    url: ${prometheusUrl}`,
    '  alertmanager:',
    `    url: ${alertmanagerUrl}`,
    // The token of `yarn lookout release|gate` on this machine (docs/releases.md).
    'backend:',
    '  auth:',
    '    externalAccess:',
    '      - type: static',
    `        options: { token: ${DEV_STACK_TOKEN}, subject: dev-pipeline }`,
    '',
  ].join('\n');

  return {
    prometheusUrl,
    alertmanagerUrl,
    pushgatewayUrl: `http://127.0.0.1:${ports.pushgateway}`,
    demoUrl,
    rulesDirectory,
    targetsDirectory,
    appConfig,
    resetPrometheusAndAlertmanager,
    describe: () =>
      [
        `Prometheus    ${prometheusUrl}  (rules: ${rulesDirectory}, targets: ${targetsDirectory})`,
        `Alertmanager  ${alertmanagerUrl}`,
        `Pushgateway   http://127.0.0.1:${ports.pushgateway}`,
        `demo-service  ${demoUrl}  (metrics :${ports.demoMetrics}; ${perSecond} req/s of traffic)`,
        `              outage:  curl -X PUT ${demoUrl}/admin/behaviour -d '{"errorRate":1}'`,
        `              healthy: curl -X PUT ${demoUrl}/admin/behaviour -d '{"errorRate":0}'`,
      ].join('\n'),
    stop,
  };
}
