/*
 * The Alertmanager configuration of the stack: amtool accepts it, routes each team's pages to its
 * pager and its tickets to its ticket channel, and a real Alertmanager inhibits the ticket of an
 * SLO whose page is firing.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import {
  getAlerts,
  GettableAlert,
  postAlerts,
  RunningAlertmanager,
  startAlertmanager,
} from './alertmanagerServer';
import { dataValue, findObject } from './kubeObject';
import { kustomizeBuild } from './kustomize';
import { BINARIES, deployPath, findRepoRoot } from './paths';
import { describeRun, runTool } from './runTool';
import { temporaryTree, TemporaryTree } from './stackCopy';
import { describeWithBinaries } from './testing/requireBinary';

jest.setTimeout(60_000);

/** The teams of the demo catalog (examples/org.yaml), each with a route. */
const TEAMS = ['team-shop', 'team-payments', 'team-discovery'];

/** The Alertmanager configuration as the base deploys it (the Secret the operator reads). */
async function builtConfig(): Promise<string> {
  const base = await kustomizeBuild(deployPath('observability', 'base'));
  const alertmanager = findObject(base, 'Alertmanager', 'lookout');
  const secretName = (alertmanager.spec as { configSecret: string })
    .configSecret;
  return dataValue(findObject(base, 'Secret', secretName), 'alertmanager.yaml');
}

describeWithBinaries(BINARIES.kubectl, BINARIES.amtool)(
  'Alertmanager configuration',
  () => {
    let tree: TemporaryTree;
    let configFile: string;
    let config: string;

    beforeAll(async () => {
      tree = temporaryTree('lookout-amtool-');
      config = await builtConfig();
      configFile = join(tree.root, 'alertmanager.yaml');
      writeFileSync(configFile, config);
    });

    afterAll(() => tree?.remove());

    it('is the file deploy/compose mounts too', () => {
      const compose = parse(
        readFileSync(deployPath('compose', 'compose.yaml'), 'utf8'),
      ) as { services: { alertmanager: { volumes: string[] } } };
      expect(compose.services.alertmanager.volumes).toContain(
        '../observability/base/alertmanager/alertmanager-config.yaml:/etc/alertmanager/alertmanager.yaml:ro',
      );
      expect(config).toBe(
        readFileSync(
          deployPath(
            'observability',
            'base',
            'alertmanager',
            'alertmanager-config.yaml',
          ),
          'utf8',
        ),
      );
    });

    it("routes every team of Lookout's generated fragment to the receivers the fragment names", () => {
      // The fragment `yarn lookout render --format prometheus` writes for the demo catalog (the
      // render engine's golden output, kept in sync by its tests).
      interface Route {
        receiver: string;
        matchers?: string[];
        routes?: Route[];
      }
      const fragment = parse(
        readFileSync(
          join(
            findRepoRoot(),
            'plugins/observability-node/src/__golden__/prometheus/alertmanager/lookout.yaml',
          ),
          'utf8',
        ),
      ) as { route: { routes: Route[] }; receivers: Array<{ name: string }> };
      const stack = parse(config) as {
        route: { routes: Route[] };
        receivers: Array<{ name: string }>;
      };
      const stackReceivers = new Set(stack.receivers.map(r => r.name));
      expect(fragment.route.routes.length).toBeGreaterThan(0);
      for (const { name } of fragment.receivers) {
        expect([name, stackReceivers.has(name)]).toEqual([name, true]);
      }
      for (const generated of fragment.route.routes) {
        const deployed = stack.route.routes.find(
          r =>
            JSON.stringify(r.matchers) === JSON.stringify(generated.matchers),
        );
        expect(deployed?.receiver).toBe(generated.receiver);
        for (const child of generated.routes ?? []) {
          expect(
            deployed?.routes?.find(
              r =>
                JSON.stringify(r.matchers) === JSON.stringify(child.matchers),
            )?.receiver,
          ).toBe(child.receiver);
        }
      }
    });

    it('passes amtool check-config', async () => {
      const result = await runTool(BINARIES.amtool, [
        'check-config',
        configFile,
      ]);
      expect(describeRun(result)).toMatch(/^exit 0/);
      expect(result.stdout).toMatch(/1 inhibit rules/);
    });

    it('reads every receiver credential from a file of the mounted receivers Secret', () => {
      const parsed = parse(config) as {
        receivers: Array<Record<string, unknown>>;
      };
      const secretDir = '/etc/alertmanager/secrets/alertmanager-receivers/';
      const fileRefs: string[] = [];
      for (const receiver of parsed.receivers) {
        for (const pd of (receiver.pagerduty_configs as Array<
          Record<string, string>
        >) ?? []) {
          expect(pd.routing_key ?? pd.service_key).toBeUndefined();
          fileRefs.push(pd.routing_key_file);
        }
        for (const slack of (receiver.slack_configs as Array<
          Record<string, string>
        >) ?? []) {
          expect(slack.api_url).toBeUndefined();
          fileRefs.push(slack.api_url_file);
        }
      }
      expect(fileRefs.length).toBe(1 + 2 * TEAMS.length);
      for (const ref of fileRefs) {
        expect(ref.startsWith(secretDir)).toBe(true);
      }
    });

    /** The receiver amtool routes a label set to. */
    async function routeOf(labels: Record<string, string>): Promise<string> {
      const result = await runTool(BINARIES.amtool, [
        'config',
        'routes',
        'test',
        `--config.file=${configFile}`,
        ...Object.entries(labels).map(([k, v]) => `${k}=${v}`),
      ]);
      if (result.code !== 0) {
        throw new Error(
          `amtool config routes test failed: ${describeRun(result)}`,
        );
      }
      return result.stdout.trim();
    }

    const slo = {
      alertname: 'ErrorBudgetBurn',
      slo: 'availability',
      backstage_entity: 'component:default/checkout',
    };

    it.each(TEAMS)("pages %s's pager", async team => {
      expect(await routeOf({ ...slo, team, severity: 'page' })).toBe(
        `${team}-pager`,
      );
    });

    it.each(TEAMS)("sends %s's tickets to its ticket receiver", async team => {
      expect(await routeOf({ ...slo, team, severity: 'ticket' })).toBe(
        `${team}-tickets`,
      );
    });

    it("sends a team's alerts of another severity to its ticket receiver", async () => {
      expect(
        await routeOf({
          alertname: 'SLOMetricsMissing',
          team: 'team-shop',
          severity: 'warning',
        }),
      ).toBe('team-shop-tickets');
    });

    it('sends alerts of a team without a route to the unrouted receiver', async () => {
      expect(
        await routeOf({ ...slo, team: 'team-unknown', severity: 'page' }),
      ).toBe('unrouted');
      expect(await routeOf({ ...slo, severity: 'page' })).toBe('unrouted');
    });
  },
);

describeWithBinaries(BINARIES.kubectl, BINARIES.alertmanager)(
  'a real Alertmanager with the stack configuration',
  () => {
    let alertmanager: RunningAlertmanager | undefined;

    beforeAll(async () => {
      alertmanager = await startAlertmanager(await builtConfig());
    });

    afterAll(async () => {
      await alertmanager?.stop();
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
