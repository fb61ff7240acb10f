/*
 * The Alertmanager side of the stack. The base configuration keeps only the default route and
 * global settings; every team's route is generated from the catalog. Proven here with the demo
 * catalog (examples/) rendered by the real `lookout` CLI: amtool accepts the complete
 * configuration of the prometheus format and routes each team's pages to its pager (team-search
 * through the PagerDuty plugin's key written in its Group, with no edit to deploy/), tickets to
 * its channel and the rest to the default receiver; a real Alertmanager inhibits the ticket of an
 * SLO whose page fires; the operator format's AlertmanagerConfigs are in the real overlays and
 * selected by the stack's Alertmanager.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import {
  getAlerts,
  GettableAlert,
  postAlerts,
  RunningAlertmanager,
  startAlertmanager,
} from './alertmanagerServer';
import { dataValue, findObject, KubeObject } from './kubeObject';
import { kustomizeBuild } from './kustomize';
import { BINARIES, deployPath, findRepoRoot } from './paths';
import { describeRun, runTool } from './runTool';
import { describeWithBinaries } from './testing/requireBinary';

jest.setTimeout(120_000);

/** The Alertmanager configuration as the base deploys it (the Secret the operator reads). */
async function builtConfig(): Promise<string> {
  const base = await kustomizeBuild(deployPath('observability', 'base'));
  const alertmanager = findObject(base, 'Alertmanager', 'lookout');
  const secretName = (alertmanager.spec as { configSecret: string })
    .configSecret;
  return dataValue(findObject(base, 'Secret', secretName), 'alertmanager.yaml');
}

/**
 * `yarn lookout render --catalog examples --config app-config.yaml --format prometheus`, run
 * with the real CLI into a temporary folder: the generated Alertmanager configuration's path.
 */
async function renderDemoCatalog(out: string): Promise<string> {
  const root = findRepoRoot();
  const result = await runTool(
    process.execPath,
    [
      join(root, 'plugins/observability-node/bin/lookout'),
      'render',
      '--catalog',
      join(root, 'examples'),
      '--config',
      join(root, 'app-config.yaml'),
      '--format',
      'prometheus',
      '--no-cache',
      '--out',
      out,
    ],
    { cwd: root, timeoutMs: 120_000 },
  );
  // The demo catalog holds deliberately broken entities (exit 1); the rest is written.
  if (result.code !== 0 && result.code !== 1) {
    throw new Error(`lookout render failed: ${describeRun(result)}`);
  }
  return join(out, 'alertmanager', 'alertmanager.yaml');
}

/** The receiver amtool routes a label set to with `configFile`. */
async function routeOf(
  configFile: string,
  labels: Record<string, string>,
): Promise<string> {
  const result = await runTool(BINARIES.amtool, [
    'config',
    'routes',
    'test',
    `--config.file=${configFile}`,
    ...Object.entries(labels).map(([k, v]) => `${k}=${v}`),
  ]);
  if (result.code !== 0) {
    throw new Error(`amtool config routes test failed: ${describeRun(result)}`);
  }
  return result.stdout.trim();
}

const slo = {
  alertname: 'ErrorBudgetBurn',
  slo: 'availability',
  backstage_entity: 'component:default/checkout',
};

describeWithBinaries(BINARIES.kubectl, BINARIES.amtool)(
  'Alertmanager configuration of the base',
  () => {
    let dir: string;
    let configFile: string;
    let config: string;

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'lookout-amtool-'));
      config = await builtConfig();
      configFile = join(dir, 'alertmanager.yaml');
      writeFileSync(configFile, config);
    });

    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('passes amtool check-config with the inhibition and the default receiver only', async () => {
      const result = await runTool(BINARIES.amtool, [
        'check-config',
        configFile,
      ]);
      expect(describeRun(result)).toMatch(/^exit 0/);
      expect(result.stdout).toMatch(/1 inhibit rules/);
      expect(result.stdout).toMatch(/1 receivers/);
    });

    it('lists no team: every alert reaches the default receiver until Lookout adds team routes', async () => {
      expect(
        (parse(config) as { route: { routes?: unknown[] } }).route.routes,
      ).toBeUndefined();
      expect(
        await routeOf(configFile, {
          ...slo,
          team: 'team-shop',
          severity: 'page',
        }),
      ).toBe('unrouted');
    });

    it('reads the default receiver credential from a file of the mounted receivers Secret', () => {
      const parsed = parse(config) as {
        receivers: Array<Record<string, unknown>>;
      };
      expect(parsed.receivers).toEqual([
        expect.objectContaining({
          name: 'unrouted',
          slack_configs: [
            expect.objectContaining({
              api_url_file:
                '/etc/alertmanager/secrets/alertmanager-receivers/unrouted-slack-webhook-url',
            }),
          ],
        }),
      ]);
    });
  },
);

describeWithBinaries(BINARIES.amtool)(
  "the demo catalog's generated Alertmanager configuration (prometheus format)",
  () => {
    let out: string;
    let configFile: string;

    beforeAll(async () => {
      out = mkdtempSync(join(tmpdir(), 'lookout-demo-render-'));
      configFile = await renderDemoCatalog(out);
    });

    afterAll(() => rmSync(out, { recursive: true, force: true }));

    it('passes amtool check-config', async () => {
      const result = await runTool(BINARIES.amtool, [
        'check-config',
        configFile,
      ]);
      expect(describeRun(result)).toMatch(/^exit 0/);
      expect(result.stdout).toMatch(/1 inhibit rules/);
    });

    it('is what deploy/compose mounts', () => {
      const compose = parse(
        readFileSync(deployPath('compose', 'compose.yaml'), 'utf8'),
      ) as {
        services: { alertmanager: { command: string[]; volumes: string[] } };
      };
      expect(compose.services.alertmanager.volumes).toContain(
        './lookout/alertmanager:/etc/alertmanager/lookout:ro',
      );
      expect(compose.services.alertmanager.command).toContain(
        '--config.file=/etc/alertmanager/lookout/alertmanager.yaml',
      );
    });

    it("keeps the base's default route, so both formats treat unrouted alerts alike", async () => {
      const generated = parse(readFileSync(configFile, 'utf8'));
      const base = parse(await builtConfig());
      const { routes, ...root } = generated.route;
      expect(routes.length).toBeGreaterThan(0);
      expect(root).toEqual(base.route);
      expect(generated.inhibit_rules).toEqual(base.inhibit_rules);
      expect(generated.receivers[0]).toMatchObject({
        name: 'unrouted',
        slack_configs: [
          expect.objectContaining({
            api_url_file: base.receivers[0].slack_configs[0].api_url_file,
          }),
        ],
      });
    });

    it.each([
      ['team-shop', 'page', 'team-shop-pager'],
      ['team-shop', 'ticket', 'team-shop-tickets'],
      ['team-payments', 'page', 'team-payments-pager'],
      ['team-payments', 'ticket', 'team-payments-tickets'],
      ['team-search', 'page', 'team-search-pager'],
      ['team-search', 'ticket', 'unrouted'],
      ['team-discovery', 'page', 'unrouted'],
      ['team-unknown', 'page', 'unrouted'],
    ])('routes %s severity=%s to %s', async (team, severity, receiver) => {
      expect(await routeOf(configFile, { ...slo, team, severity })).toBe(
        receiver,
      );
    });

    it("pages team-search with the PagerDuty plugin's key from its Group, as written", () => {
      const generated = parse(readFileSync(configFile, 'utf8')) as {
        receivers: Array<{
          name: string;
          pagerduty_configs?: Array<Record<string, string>>;
        }>;
      };
      const org = readFileSync(
        join(findRepoRoot(), 'examples/org.yaml'),
        'utf8',
      );
      const key = /pagerduty\.com\/integration-key: (\S+)/.exec(org)![1];
      expect(
        generated.receivers.find(r => r.name === 'team-search-pager')!
          .pagerduty_configs![0].routing_key,
      ).toBe(key);
      expect(
        generated.receivers.find(r => r.name === 'team-shop-pager')!
          .pagerduty_configs![0].routing_key_file,
      ).toBe(
        '/etc/alertmanager/secrets/alertmanager-receivers/team-shop-pagerduty-routing-key',
      );
    });
  },
);

describeWithBinaries(BINARIES.kubectl)(
  "the demo catalog's AlertmanagerConfigs (operator format) in the real overlays",
  () => {
    it.each(['staging', 'production'])(
      '%s holds one per paged team, selected by the stack Alertmanager',
      async overlay => {
        const objects = await kustomizeBuild(
          deployPath('observability', 'overlays', overlay),
        );
        const configs = objects.filter(o => o.kind === 'AlertmanagerConfig');
        expect(configs.map(o => o.metadata.name).sort()).toEqual([
          'group-default-team-payments',
          'group-default-team-search',
          'group-default-team-shop',
        ]);
        const alertmanager = objects.find(
          o => o.kind === 'Alertmanager',
        ) as KubeObject & {
          spec: {
            alertmanagerConfigSelector: { matchLabels: Record<string, string> };
            alertmanagerConfigNamespaceSelector: object;
            alertmanagerConfigMatcherStrategy: { type: string };
          };
        };
        expect(alertmanager.spec.alertmanagerConfigNamespaceSelector).toEqual(
          {},
        );
        expect(alertmanager.spec.alertmanagerConfigMatcherStrategy).toEqual({
          type: 'None',
        });
        for (const config of configs) {
          expect(config.metadata.labels).toMatchObject(
            alertmanager.spec.alertmanagerConfigSelector.matchLabels,
          );
        }
        const search = configs.find(
          o => o.metadata.name === 'group-default-team-search',
        )!;
        const keyRef = (search.spec as any).receivers[0].pagerdutyConfigs[0]
          .routingKey;
        const secret = objects.find(
          o => o.kind === 'Secret' && o.metadata.name === keyRef.name,
        ) as KubeObject & { stringData: Record<string, string> };
        expect(secret.metadata.namespace).toBe(search.metadata.namespace);
        expect(secret.stringData[keyRef.key]).toMatch(/^[0-9a-f]{32}$/);
      },
    );
  },
);

describeWithBinaries(BINARIES.alertmanager)(
  "a real Alertmanager with the demo catalog's generated configuration",
  () => {
    let alertmanager: RunningAlertmanager | undefined;
    let out: string;

    beforeAll(async () => {
      out = mkdtempSync(join(tmpdir(), 'lookout-demo-render-'));
      const configFile = await renderDemoCatalog(out);
      alertmanager = await startAlertmanager(readFileSync(configFile, 'utf8'));
    });

    afterAll(async () => {
      await alertmanager?.stop();
      rmSync(out, { recursive: true, force: true });
    });

    const entity = 'component:default/checkout';
    const alert = (severity: string, sloName: string) => ({
      labels: {
        alertname: 'ErrorBudgetBurn',
        team: 'team-shop',
        severity,
        slo: sloName,
        backstage_entity: entity,
      },
      annotations: { summary: `${sloName} burns its budget (${severity})` },
    });

    /** Polls until `done` holds for the alerts (the inhibitor runs asynchronously). */
    async function waitForAlerts(
      done: (alerts: GettableAlert[]) => boolean,
    ): Promise<GettableAlert[]> {
      const deadline = Date.now() + 10_000;
      let alerts = await getAlerts(alertmanager!.url);
      while (!done(alerts) && Date.now() < deadline) {
        await new Promise(r => setTimeout(r, 100));
        alerts = await getAlerts(alertmanager!.url);
      }
      return alerts;
    }

    it('reports the ticket of an SLO whose page fires as inhibited by that page', async () => {
      await postAlerts(alertmanager!.url, [
        alert('page', 'availability'),
        alert('ticket', 'availability'),
        alert('ticket', 'latency'),
      ]);
      const find = (
        alerts: GettableAlert[],
        severity: string,
        sloName: string,
      ) =>
        alerts.find(
          a => a.labels.severity === severity && a.labels.slo === sloName,
        );

      const alerts = await waitForAlerts(
        all =>
          (find(all, 'ticket', 'availability')?.status.inhibitedBy.length ??
            0) > 0,
      );
      const page = find(alerts, 'page', 'availability')!;
      const ticket = find(alerts, 'ticket', 'availability')!;
      const otherTicket = find(alerts, 'ticket', 'latency')!;

      expect(page.status).toMatchObject({ state: 'active', inhibitedBy: [] });
      expect(ticket.status).toMatchObject({
        state: 'suppressed',
        inhibitedBy: [page.fingerprint],
      });
      // Another SLO's ticket of the same entity is not the page's business.
      expect(otherTicket.status).toMatchObject({
        state: 'active',
        inhibitedBy: [],
      });
    });
  },
);
