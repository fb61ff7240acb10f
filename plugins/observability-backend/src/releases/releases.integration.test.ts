/*
 * Integration: release impact and the deploy gate against a REAL Prometheus 2.42.
 *
 * The recorded SLO series the impact reads (`slo:sli_errors:sum5m`, `slo:sli_total:sum5m`, every
 * 5 minutes) and the budget left the gate reads (`slo:error_budget_remaining:ratio`) are
 * backfilled with `promtool tsdb create-blocks-from openmetrics`, with values chosen so that the
 * expected figures can be worked out by hand below.
 *
 * Data (entity component:default/checkout, SLO slo-1, 99.9 % over 7d; slo-2 has no data):
 * every 5-minute sum of total events is 300 and of errors 0.3 (error ratio 0.001), except the 12
 * sums in the hour after release v1.0.0, whose errors are 3 (ratio 0.01).
 *
 * Hand computation (Prometheus 2 range selectors take the samples in [t − range, t]; the
 * releases sit 150 s off the 5-minute grid, so every hour holds exactly 12 sums and every day 288):
 * - v1.0.0, hour before: 12 × 0.3 / (12 × 300) = 0.001; budget = 0.001 / 0.001 × 1h / 168h
 *   = 1/168 = 0.00595238…
 * - v1.0.0, hour after: 12 × 3 / (12 × 300) = 0.01; budget = 10 / 168 = 0.0595238…
 * - v1.0.0, day before: 0.001; budget = 1 × 24 / 168 = 1/7 = 0.142857…
 * - v1.0.0, day after: (12 × 3 + 276 × 0.3) / (288 × 300) = 118.8 / 86400 = 0.001375;
 *   budget = 1.375 × 24 / 168 = 0.196428…
 * - v1.1.0 (15 minutes ago): hour before 0.001 (budget 1/168); the hour and day after have not
 *   passed: null.
 * - Gate: the budget left of slo-1 is −0.2 → frozen ("-20% … exhausted"); with the entity's
 *   exempt kind `fix`, allowed.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import {
  backfillOpenMetrics,
  StackProcess,
  startPrometheus,
  DAY,
  HOUR,
  MINUTE,
  stackSuite,
} from '../__testUtils__/prometheusStack';
import { entityWithSlos } from '../__testUtils__/specs';
import { observabilityPlugin } from '../plugin';

const { binaries, describeWithStack } = stackSuite();
const ENTITY = 'component:default/checkout';
const base = '/api/observability/entities/by-name/component/default/checkout';

describeWithStack('releases against a real Prometheus', () => {
  let dir: string;
  let prometheus: StackProcess | undefined;
  let server: Awaited<ReturnType<typeof startTestBackend>>['server'];
  const now = Math.floor(Date.now() / 1000);
  const grid = Math.floor(now / 300) * 300;
  const first = grid - 2 * DAY - 3 * HOUR + 150; // v1.0.0
  const second = grid - 15 * MINUTE + 150; // v1.1.0

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'lookout-releases-'));
    const lines: string[] = [];
    const labels = `backstage_entity="${ENTITY}",slo="slo-1"`;
    for (let t = grid - 4 * DAY; t <= grid; t += 300) {
      const broken = t > first && t < first + HOUR;
      lines.push(`slo:sli_total:sum5m{${labels}} 300 ${t}`);
      lines.push(`slo:sli_errors:sum5m{${labels}} ${broken ? 3 : 0.3} ${t}`);
    }
    for (let t = now - HOUR; t <= now - 5; t += 60) {
      lines.push(`slo:error_budget_remaining:ratio{${labels}} -0.2 ${t}`);
    }
    const file = join(dir, 'series.om');
    writeFileSync(file, [...lines.sort(byMetric), '# EOF', ''].join('\n'));
    const dataDir = join(dir, 'data');
    await backfillOpenMetrics(binaries!.promtool, file, dataDir);
    const configFile = join(dir, 'prometheus.yml');
    writeFileSync(configFile, 'global:\n  evaluation_interval: 1m\n');
    prometheus = await startPrometheus({
      binary: binaries!.prometheus,
      configFile,
      dataDir,
    });

    const backend = await startTestBackend({
      features: [
        observabilityPlugin,
        catalogServiceMock.factory({
          entities: [
            entityWithSlos('checkout', 2, {
              'lookout.dev/deploy-exempt': 'fix',
            }),
          ],
        }),
        mockServices.rootConfig.factory({
          data: {
            observability: {
              provisioning: { enabled: false },
              prometheus: { url: prometheus.url },
            },
          },
        }),
      ],
    });
    server = backend.server;
    for (const [version, at] of [
      ['v1.0.0', first],
      ['v1.1.0', second],
    ] as const) {
      const res = await request(server)
        .post(`${base}/releases`)
        .set('Authorization', mockCredentials.user.header())
        .send({ version, at: at * 1000 });
      if (res.status !== 201) {
        throw new Error(
          `recording ${version} answered ${res.status}: ${res.text}`,
        );
      }
    }
  }, 120_000);

  afterAll(async () => {
    await prometheus?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const get = (path: string) =>
    request(server)
      .get(`${base}/${path}`)
      .set('Authorization', mockCredentials.user.header());

  it('reports each release’s error ratio and budget spent before and after, equal to the hand computation', async () => {
    const res = await get(
      `releases?from=${(first - HOUR) * 1000}&to=${now * 1000}`,
    );
    expect(res.status).toBe(200);
    expect(res.body.warnings).toBeUndefined();
    const [newest, oldest] = res.body.items;
    expect([newest.version, oldest.version]).toEqual(['v1.1.0', 'v1.0.0']);

    const figures = (errorRatio: number, budgetConsumed: number) => ({
      errorRatio: expect.closeTo(errorRatio, 12),
      budgetConsumed: expect.closeTo(budgetConsumed, 12),
    });
    const none = { errorRatio: null, budgetConsumed: null };
    expect(oldest.impact).toEqual([
      {
        slo: 'slo-1',
        objective: 0.999,
        window: '7d',
        spans: [
          {
            span: '1h',
            before: figures(0.001, 1 / 168),
            after: figures(0.01, 10 / 168),
          },
          {
            span: '1d',
            before: figures(0.001, 1 / 7),
            after: figures(0.001375, (1.375 * 24) / 168),
          },
        ],
      },
      {
        slo: 'slo-2',
        objective: 0.999,
        window: '7d',
        spans: [
          { span: '1h', before: none, after: none },
          { span: '1d', before: none, after: none },
        ],
      },
    ]);
    expect(newest.impact[0].spans).toEqual([
      { span: '1h', before: figures(0.001, 1 / 168), after: null },
      { span: '1d', before: figures(0.001, 1 / 7), after: null },
    ]);
  });

  it('freezes deploys while an SLO has exhausted its budget, and lets the exempt kind through', async () => {
    const frozen = await get('deploy-gate');
    expect(frozen.status).toBe(200);
    expect(frozen.body).toEqual({
      entityRef: ENTITY,
      allowed: false,
      reasons: [
        'SLO slo-1: -20% of the error budget left, exhausted',
        'SLO slo-2: no error budget data yet; not counted',
      ],
    });
    const fix = await get('deploy-gate?kind=fix');
    expect(fix.body.allowed).toBe(true);
    expect(fix.body.reasons[0]).toBe(
      'release kind fix is exempt from the freeze (lookout.dev/deploy-exempt)',
    );
  });
});

/** OpenMetrics wants the samples of one series together and in time order. */
function byMetric(a: string, b: string): number {
  const series = (line: string) => line.slice(0, line.lastIndexOf('}') + 1);
  const time = (line: string) => Number(line.slice(line.lastIndexOf(' ') + 1));
  return series(a).localeCompare(series(b)) || time(a) - time(b);
}
