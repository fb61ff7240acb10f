/*
 * promtool accepts the Prometheus configurations of the stack and every rule file that reaches
 * Prometheus through a PrometheusRule.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { dataValue, findObject, objectId } from './kubeObject';
import { BINARIES, deployPath } from './paths';
import { describeRun, runTool } from './runTool';
import { temporaryTree, TemporaryTree } from './stackCopy';
import { describeWithBinaries } from './testing/requireBinary';
import { Build, buildStack, StackBuilds } from './testing/stackBuilds';

jest.setTimeout(120_000);

const promtool = (args: string[]) => runTool(BINARIES.promtool, args);

describeWithBinaries(BINARIES.kubectl, BINARIES.promtool)(
  'Prometheus configuration',
  () => {
    let stack: StackBuilds;
    let tree: TemporaryTree;

    beforeAll(async () => {
      stack = await buildStack();
      tree = temporaryTree('lookout-promtool-');
    });

    afterAll(() => tree?.remove());

    it('of deploy/compose passes promtool check config', async () => {
      expect(
        describeRun(
          await promtool([
            'check',
            'config',
            deployPath('compose', 'prometheus', 'prometheus.yml'),
          ]),
        ),
      ).toMatch(/^exit 0/);
    });

    it('of the operator stack (additional scrape configs, alerting) passes promtool check config, Kubernetes SD aside', async () => {
      const base = stack.builds.find(b => b.name === 'base')!;
      const scrapeConfigs = parse(
        dataValue(
          findObject(
            base.objects,
            'Secret',
            'prometheus-additional-scrape-configs',
          ),
          'scrape-configs.yaml',
        ),
      ) as Array<Record<string, unknown>>;
      expect(scrapeConfigs.map(c => c.job_name)).toEqual([
        'observability-stack',
        'pushgateway',
      ]);
      // Debian's Prometheus is built without Kubernetes service discovery, so its promtool rejects
      // `kubernetes_sd_configs` as an unknown field: check everything else (relabelling, job
      // options) with static targets in its place.
      const withoutKubernetesSd = scrapeConfigs.map(
        ({ kubernetes_sd_configs, ...rest }) => {
          expect(kubernetes_sd_configs).toEqual([
            { role: 'endpoints', namespaces: { names: ['observability'] } },
          ]);
          return {
            ...rest,
            static_configs: [{ targets: ['target.observability.svc:80'] }],
          };
        },
      );
      const file = join(tree.root, 'prometheus.yml');
      writeFileSync(
        file,
        stringify({
          global: { scrape_interval: '30s', evaluation_interval: '30s' },
          alerting: {
            alertmanagers: [
              {
                api_version: 'v2',
                static_configs: [
                  { targets: ['alertmanager.observability.svc:9093'] },
                ],
              },
            ],
          },
          scrape_configs: withoutKubernetesSd,
        }),
      );
      expect(describeRun(await promtool(['check', 'config', file]))).toMatch(
        /^exit 0/,
      );
    });

    it('rejects a broken config (the check can fail)', async () => {
      const file = join(tree.root, 'broken.yml');
      writeFileSync(
        file,
        stringify({
          scrape_configs: [{ job_name: 'x', scrape_interval: 'often' }],
        }),
      );
      const result = await promtool(['check', 'config', file]);
      expect(result.code).not.toBe(0);
    });

    /** Runs `promtool check rules` on the spec of every PrometheusRule of a build. */
    async function checkRules(
      build: Build,
    ): Promise<{ checked: number; failures: string[] }> {
      const rules = build.objects.filter(o => o.kind === 'PrometheusRule');
      const failures: string[] = [];
      for (const [index, rule] of rules.entries()) {
        const file = join(
          tree.root,
          `${build.name.replace(/\W+/g, '-')}-${index}.yaml`,
        );
        writeFileSync(file, stringify(rule.spec));
        const result = await promtool(['check', 'rules', file]);
        if (result.code !== 0) {
          failures.push(
            `${build.name}: ${objectId(rule)}: ${describeRun(result)}`,
          );
        }
      }
      return { checked: rules.length, failures };
    }

    it('of every PrometheusRule in every build passes promtool check rules', async () => {
      const checkedInOverlays: number[] = [];
      for (const build of stack.builds) {
        const { checked, failures } = await checkRules(build);
        expect(failures).toEqual([]);
        if (build.name.startsWith('overlays/')) {
          checkedInOverlays.push(checked);
        }
      }
      // The overlays include the fixture entity's SLO rules.
      expect(checkedInOverlays).toEqual([1, 1]);
    });

    it('of every PrometheusRule Lookout generated into the real entities folder passes promtool', async () => {
      for (const build of stack.realOverlays) {
        expect((await checkRules(build)).failures).toEqual([]);
      }
    });

    it('rejects a rule promtool finds invalid (the check can fail)', async () => {
      const broken: Build = {
        name: 'broken',
        objects: [
          {
            apiVersion: 'monitoring.coreos.com/v1',
            kind: 'PrometheusRule',
            metadata: { name: 'broken', namespace: 'shop' },
            spec: {
              groups: [
                {
                  name: 'g',
                  rules: [{ record: 'x', expr: 'sum(rate(up[5m])' }],
                },
              ],
            },
          },
        ],
      };
      const { failures } = await checkRules(broken);
      expect(failures).toEqual([
        expect.stringMatching(/PrometheusRule shop\/broken/),
      ]);
    });
  },
);
