/*
 * Integration: the generated Alertmanager configuration of a catalog, checked by the real amtool
 * (`check-config`, `config routes test`), and its inhibition proven on a real Alertmanager on
 * 127.0.0.1: a firing page of an SLO suppresses the ticket of the same SLO and entity only.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { toYaml } from '../output/serialize';
import { requireTool, runTool } from '../rules/__testUtils__/externalTools';
import { routeAlert } from '@lookout/plugin-observability-common';
import { renderAlertmanagerYaml } from './alertmanagerYaml';
import { alertingOptions, routingPlan } from './__testUtils__/routingCatalog';

/** The complete configuration of a catalog with several teams, one without any receiver. */
const CONFIG = renderAlertmanagerYaml(routingPlan, alertingOptions);

function writeConfig(dir: string): string {
  const file = join(dir, 'alertmanager.yml');
  writeFileSync(file, toYaml(CONFIG));
  return file;
}

function amtoolSuite(amtool: string) {
  describe('Generated Alertmanager configuration under the real amtool', () => {
    let dir: string;
    let file: string;

    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'lookout-am-'));
      file = writeConfig(dir);
    });

    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('passes amtool check-config', async () => {
      const result = await runTool(amtool, ['check-config', file]);
      expect(result.stdout).toContain('SUCCESS');
      expect(result.stdout).toContain(' - 1 inhibit rules');
      expect(result.stdout).toContain(' - 7 receivers');
      expect(result.code).toBe(0);
    });

    it.each([
      [
        ['team=team-shop', 'severity=page', 'slo=availability'],
        'team-shop-pager',
      ],
      [
        ['team=team-shop', 'severity=ticket', 'slo=availability'],
        'team-shop-tickets',
      ],
      [['team=team-pay', 'severity=page'], 'team-pay-pager'],
      [['team=team-pay', 'severity=ticket'], 'team-pay-tickets'],
      [['team=team-docs', 'severity=ticket'], 'team-docs-tickets'],
      [
        [
          'team=team-ghost',
          'severity=page',
          'backstage_entity=component:default/lonely',
        ],
        'unrouted',
      ],
      [
        [
          'team=team-ghost',
          'severity=ticket',
          'backstage_entity=component:default/lonely',
        ],
        'unrouted',
      ],
      [
        [
          'team=team-ghost',
          'severity=page',
          'backstage_entity=component:default/edge',
        ],
        'component-default-edge-pager',
      ],
      [
        [
          'team=team-ghost',
          'severity=ticket',
          'backstage_entity=component:default/edge',
        ],
        'unrouted',
      ],
      [
        ['severity=page', 'backstage_entity=component:default/ownerless'],
        'unrouted',
      ],
    ])(
      'routes %p to %p, as routeAlert (the entity page) says',
      async (labels, receiver) => {
        const result = await runTool(amtool, [
          'config',
          'routes',
          'test',
          `--config.file=${file}`,
          `--verify.receivers=${receiver}`,
          ...labels,
        ]);
        expect(result.stdout.trim()).toBe(receiver);
        // The route tree the entity page asks agrees with the real Alertmanager's routing.
        const alert = Object.fromEntries(
          labels.map(l => l.split('=') as [string, string]),
        );
        expect(routeAlert(routingPlan.root, alert).receiver).toBe(receiver);
        expect(result.code).toBe(0);
      },
    );
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        resolve(typeof address === 'object' && address ? address.port : 0),
      );
    });
  });
}

async function waitFor<T>(
  probe: () => Promise<T | undefined>,
  what: string,
): Promise<T> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) {
        return value;
      }
    } catch {
      // not there yet
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}`);
    }
    await new Promise(resolve => setTimeout(resolve, 200));
  }
}

interface ApiAlert {
  labels: Record<string, string>;
  status: { state: string; inhibitedBy: string[] };
}

function alertmanagerSuite(binary: string) {
  describe('Generated Alertmanager configuration on a real Alertmanager', () => {
    let dir: string;
    let child: ChildProcess | undefined;
    let base: string;

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'lookout-am-run-'));
      const port = await freePort();
      base = `http://127.0.0.1:${port}`;
      child = spawn(
        binary,
        [
          `--config.file=${writeConfig(dir)}`,
          `--storage.path=${join(dir, 'data')}`,
          `--web.listen-address=127.0.0.1:${port}`,
          '--cluster.listen-address=',
        ],
        { stdio: 'ignore' },
      );
      await waitFor(
        async () => ((await fetch(`${base}/-/ready`)).ok ? true : undefined),
        'Alertmanager',
      );
    }, 30_000);

    afterAll(async () => {
      // Alertmanager writes its state on shutdown: remove its folder only once it has exited.
      if (child && child.exitCode === null && child.signalCode === null) {
        const exited = new Promise(resolve => child!.once('exit', resolve));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child?.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }
      rmSync(dir, { recursive: true, force: true });
    }, 20_000);

    it('suppresses the ticket of an SLO while its page fires, and nothing else', async () => {
      const alert = (
        slo: string,
        entityRef: string,
        severity: string,
        team = 'team-shop',
      ) => ({
        labels: {
          alertname: 'ErrorBudgetBurn',
          slo,
          backstage_entity: entityRef,
          severity,
          team,
        },
        annotations: { summary: 'test' },
        startsAt: new Date().toISOString(),
        endsAt: new Date(Date.now() + 3_600_000).toISOString(),
      });
      const posted = await fetch(`${base}/api/v2/alerts`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify([
          alert('availability', 'component:default/checkout', 'page'),
          alert('availability', 'component:default/checkout', 'ticket'),
          alert('latency', 'component:default/checkout', 'ticket'),
          alert(
            'availability',
            'component:default/payments',
            'ticket',
            'team-pay',
          ),
        ]),
      });
      expect(posted.status).toBe(200);
      const states = await waitFor(async () => {
        const alerts = (await (
          await fetch(`${base}/api/v2/alerts`)
        ).json()) as ApiAlert[];
        const byKey = Object.fromEntries(
          alerts.map(a => [
            `${a.labels.backstage_entity} ${a.labels.slo} ${a.labels.severity}`,
            a.status.state,
          ]),
        );
        return Object.keys(byKey).length === 4 &&
          byKey['component:default/checkout availability ticket'] ===
            'suppressed'
          ? byKey
          : undefined;
      }, 'the inhibition');
      expect(states).toEqual({
        'component:default/checkout availability page': 'active',
        'component:default/checkout availability ticket': 'suppressed',
        'component:default/checkout latency ticket': 'active',
        'component:default/payments availability ticket': 'active',
      });
    }, 30_000);
  });
}

const amtool = requireTool('amtool');
if (amtool) {
  amtoolSuite(amtool);
} else {
  it.todo(
    'Generated Alertmanager configuration under amtool: SKIPPED, amtool is not installed',
  );
}
const alertmanager = requireTool('prometheus-alertmanager', 'alertmanager');
if (alertmanager) {
  alertmanagerSuite(alertmanager);
} else {
  it.todo(
    'Generated Alertmanager configuration on a real Alertmanager: SKIPPED, alertmanager is not installed',
  );
}
