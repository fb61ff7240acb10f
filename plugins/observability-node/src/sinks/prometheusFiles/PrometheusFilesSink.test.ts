import fs from 'node:fs/promises';
import path from 'node:path';
import {
  CrashingFileSystem,
  SimulatedCrash,
} from '../__testUtils__/crashingFileSystem';
import {
  makeTempDir,
  removalOf,
  snapshot,
  upsertOf,
} from '../__testUtils__/folders';
import {
  freePort,
  loadedRules,
  PrometheusServer,
  startPrometheus,
} from '../__testUtils__/prometheusServer';
import { requireBinary } from '../__testUtils__/requireBinary';
import { sampleRender } from '../__testUtils__/sampleRender';
import { PrometheusFilesSink } from './PrometheusFilesSink';

const A = 'component:default/alpha';
const B = 'component:default/bravo';

const BROKEN = 'sum(rate(http_requests_total[5m])'; // unbalanced parenthesis

const prometheusBinary = requireBinary('prometheus');

/**
 * `backstage_entity` of the targets Prometheus discovered through file_sd. Its discovery manager
 * passes updates on every 5 s, so this waits up to 15 s.
 */
async function discoveredEntities(url: string): Promise<string[]> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const response = await fetch(`${url}/api/v1/targets`);
    const body = (await response.json()) as {
      data: { activeTargets: Array<{ labels: Record<string, string> }> };
    };
    const refs = body.data.activeTargets.map(t => t.labels.backstage_entity);
    if (refs.length > 0 || Date.now() > deadline) {
      return refs;
    }
    await new Promise(resolve => setTimeout(resolve, 200));
  }
}

(prometheusBinary ? describe : describe.skip)(
  'PrometheusFilesSink against a real Prometheus',
  () => {
    let prometheus: PrometheusServer;
    let sink: PrometheusFilesSink;

    beforeEach(async () => {
      prometheus = await startPrometheus(
        prometheusBinary!,
        await makeTempDir('prometheus'),
      );
      sink = new PrometheusFilesSink({
        rulesDirectory: prometheus.rulesDirectory,
        targetsDirectory: prometheus.targetsDirectory,
        reloadUrl: `${prometheus.url}/-/reload`,
      });
    }, 30_000);

    afterEach(async () => {
      await prometheus?.stop();
    });

    it('writes rule and target files and the rules are live after the reload', async () => {
      const result = await sink.apply({
        upserts: [
          upsertOf(sampleRender(A)),
          upsertOf(sampleRender(B, { targets: false })),
        ],
        removals: [],
      });

      expect(result.outcomes).toEqual([
        {
          entityRef: A,
          ok: true,
          changed: true,
          objects: [
            'rules/component-default-alpha.yaml',
            'targets/component-default-alpha.json',
          ],
        },
        {
          entityRef: B,
          ok: true,
          changed: true,
          objects: ['rules/component-default-bravo.yaml'],
        },
      ]);
      expect(await loadedRules(prometheus.url)).toEqual({
        'component-default-alpha.yaml:lookout:sample:value': 'vector(1)',
        'component-default-bravo.yaml:lookout:sample:value': 'vector(1)',
      });
      expect(
        Object.keys(await snapshot(prometheus.rulesDirectory)).sort(),
      ).toEqual([
        'component-default-alpha.yaml',
        'component-default-bravo.yaml',
      ]);
      expect(await discoveredEntities(prometheus.url)).toEqual([A]);
    }, 30_000);

    it('keeps the old rules live and restores the old file when Prometheus rejects an entity, and applies the others', async () => {
      await sink.apply({
        upserts: [upsertOf(sampleRender(A)), upsertOf(sampleRender(B))],
        removals: [],
      });
      const before = await snapshot(prometheus.rulesDirectory);

      const result = await sink.apply({
        upserts: [
          upsertOf(sampleRender(A, { version: 2 })),
          upsertOf(sampleRender(B, { expr: BROKEN })),
        ],
        removals: [],
      });

      expect(result.outcomes).toEqual([
        expect.objectContaining({ entityRef: A, ok: true }),
        expect.objectContaining({
          entityRef: B,
          ok: false,
          error: expect.objectContaining({
            name: 'PrometheusReloadRejectedError',
            message: expect.stringMatching(
              /rejected the reload .*HTTP 500.*failed to reload config/,
            ),
          }),
        }),
      ]);
      expect(await loadedRules(prometheus.url)).toEqual({
        'component-default-alpha.yaml:lookout:sample:value': 'vector(2)',
        'component-default-bravo.yaml:lookout:sample:value': 'vector(1)',
      });
      const after = await snapshot(prometheus.rulesDirectory);
      expect(after['component-default-bravo.yaml']).toBe(
        before['component-default-bravo.yaml'],
      );
      expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    });

    it('removes the files of a removed entity and its rules go away', async () => {
      const first = await sink.apply({
        upserts: [upsertOf(sampleRender(A)), upsertOf(sampleRender(B))],
        removals: [],
      });
      const bObjects = first.outcomes[1].ok ? first.outcomes[1].objects : [];

      await sink.apply({
        upserts: [],
        removals: [removalOf(sampleRender(B), bObjects)],
      });

      expect(await loadedRules(prometheus.url)).toEqual({
        'component-default-alpha.yaml:lookout:sample:value': 'vector(1)',
      });
      expect(Object.keys(await snapshot(prometheus.targetsDirectory))).toEqual([
        'component-default-alpha.json',
      ]);
    });

    it('puts back the files a killed run left unconfirmed, so a broken rule file never reaches the next reload', async () => {
      await sink.apply({ upserts: [upsertOf(sampleRender(B))], removals: [] });
      const good = await snapshot(prometheus.rulesDirectory);

      // Prometheus is unreachable, so the sink restores the file, and is killed while doing so.
      const unreachable = `http://127.0.0.1:${await freePort()}/-/reload`;
      const dying = new PrometheusFilesSink({
        rulesDirectory: prometheus.rulesDirectory,
        reloadUrl: unreachable,
        fileSystem: new CrashingFileSystem(5),
      });
      await expect(
        dying.apply({
          upserts: [
            upsertOf(sampleRender(B, { expr: BROKEN, targets: false })),
          ],
          removals: [],
        }),
      ).rejects.toBeInstanceOf(SimulatedCrash);
      const left = await snapshot(prometheus.rulesDirectory);
      expect(left['component-default-bravo.yaml']).toContain(BROKEN);

      const result = await sink.apply({
        upserts: [upsertOf(sampleRender(A))],
        removals: [],
      });

      expect(result.outcomes).toEqual([
        expect.objectContaining({ entityRef: A, ok: true }),
      ]);
      expect(await snapshot(prometheus.rulesDirectory)).toEqual({
        ...good,
        'component-default-alpha.yaml': expect.stringContaining('vector(1)'),
      });
    });
  },
);

describe('PrometheusFilesSink', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    await Promise.all(
      dirs.map(dir => fs.rm(dir, { recursive: true, force: true })),
    );
  });

  it('leaves a rule file of another tool alone and reports the entity', async () => {
    const dir = await makeTempDir('rules');
    dirs.push(dir);
    await fs.writeFile(
      path.join(dir, 'component-default-alpha.yaml'),
      'groups: []\n',
    );
    const sink = new PrometheusFilesSink({ rulesDirectory: dir });

    const result = await sink.apply({
      upserts: [upsertOf(sampleRender(A))],
      removals: [],
    });

    expect(result.outcomes[0]).toMatchObject({ entityRef: A, ok: false });
    expect(result.outcomes[0].ok || result.outcomes[0].error.message).toMatch(
      /component-default-alpha.yaml exists and was not generated by this Lookout installation \(instance default\)/,
    );
    expect(await snapshot(dir)).toEqual({
      'component-default-alpha.yaml': 'groups: []\n',
    });
  });

  it('writes the promtool test files into testsDirectory when given, and prunes them like the others', async () => {
    const dir = await makeTempDir('tests');
    dirs.push(dir);
    const withTests = {
      ...sampleRender(A),
      ruleTests: [
        {
          sloName: 'availability',
          content: { rule_files: ['x.yaml'], tests: [] },
          ruleGroups: [],
          omitted: [],
        },
      ],
    };
    const sink = new PrometheusFilesSink({
      rulesDirectory: path.join(dir, 'rules'),
      testsDirectory: path.join(dir, 'tests'),
    });

    const written = await sink.apply({
      upserts: [upsertOf(withTests)],
      removals: [],
    });
    const pruned = await sink.apply({ upserts: [], removals: [], keep: [] });

    expect(written.outcomes[0].ok && written.outcomes[0].objects).toEqual([
      'rules/component-default-alpha.yaml',
      'tests/component-default-alpha.availability.rules.yaml',
      'tests/component-default-alpha.availability.yaml',
    ]);
    expect(pruned.pruned).toEqual([
      'rules/component-default-alpha.yaml',
      'tests/component-default-alpha.availability.rules.yaml',
      'tests/component-default-alpha.availability.yaml',
    ]);
  });

  it('on a full sync prunes only Lookout’s files that no entity owns', async () => {
    const dir = await makeTempDir('rules');
    dirs.push(dir);
    const sink = new PrometheusFilesSink({ rulesDirectory: dir });
    await sink.apply({
      upserts: [upsertOf(sampleRender(A)), upsertOf(sampleRender(B))],
      removals: [],
    });
    await fs.writeFile(path.join(dir, 'other.yaml'), 'groups: []\n');

    const result = await sink.apply({
      upserts: [],
      removals: [],
      keep: [
        {
          entityRef: A,
          slug: 'component-default-alpha',
          objects: ['rules/component-default-alpha.yaml'],
        },
      ],
    });

    expect(result.pruned).toEqual(['rules/component-default-bravo.yaml']);
    expect(Object.keys(await snapshot(dir)).sort()).toEqual([
      'component-default-alpha.yaml',
      'other.yaml',
    ]);
  });
});
