import { ConfigReader } from '@backstage/config';
import { mockServices } from '@backstage/backend-test-utils';
import { readObservabilityConfig } from '@lookout/plugin-observability-node';
import { createSinks, sinkFactoriesByType } from './createSinks';
import { readProvisioningConfig } from './readProvisioningConfig';

describe('readProvisioningConfig', () => {
  it('defaults to one kustomize sink every 30 seconds, retried from 30 s up to 1 h', () => {
    const config = readProvisioningConfig(new ConfigReader({}));

    expect(config).toMatchObject({
      enabled: true,
      schedule: {
        frequency: { seconds: 30 },
        timeout: { minutes: 5 },
        initialDelay: { seconds: 5 },
      },
      fullSyncIntervalMs: 3_600_000,
      retry: { initialDelayMs: 30_000, maxDelayMs: 3_600_000 },
    });
    expect(config.sinks.map(s => [s.type, s.name])).toEqual([
      ['kustomize', 'kustomize'],
    ]);
  });

  it('reads durations as HumanDuration and names each sink', () => {
    const config = readProvisioningConfig(
      new ConfigReader({
        observability: {
          provisioning: {
            schedule: { frequency: { minutes: 1 } },
            retry: { initialDelay: { seconds: 5 }, maxDelay: { minutes: 10 } },
            fullSync: { minutes: 15 },
            sinks: [
              { type: 'kustomize' },
              { type: 'kustomize', name: 'gitops' },
            ],
          },
        },
      }),
    );

    expect(config.schedule.frequency).toEqual({ minutes: 1 });
    expect(config.retry).toEqual({
      initialDelayMs: 5_000,
      maxDelayMs: 600_000,
    });
    expect(config.fullSyncIntervalMs).toBe(900_000);
    expect(config.sinks.map(s => s.name)).toEqual(['kustomize', 'gitops']);
  });

  it('rejects two sinks with the same name, naming the entry', () => {
    expect(() =>
      readProvisioningConfig(
        new ConfigReader({
          observability: {
            provisioning: { sinks: [{ type: 'grafana' }, { type: 'grafana' }] },
          },
        }),
      ),
    ).toThrow(
      'observability.provisioning.sinks[1]: a second sink named "grafana"',
    );
  });
});

describe('createSinks', () => {
  const renderOptions = readObservabilityConfig(
    new ConfigReader({}),
  ).renderOptions;
  const create = (data: object, extra = []) => {
    const rootConfig = new ConfigReader(data);
    return createSinks({
      entries: readProvisioningConfig(rootConfig).sinks,
      factories: sinkFactoriesByType(extra),
      rootConfig,
      logger: mockServices.logger.mock(),
      renderOptions,
    });
  };

  it('names an unknown sink type and the known ones', async () => {
    await expect(
      create({
        observability: {
          provisioning: { sinks: [{ type: 'kustomize' }, { type: 'argo' }] },
        },
      }),
    ).rejects.toThrow(
      'observability.provisioning.sinks[1].type: unknown sink type "argo" (known: kustomize, prometheus-files, alertmanager-files, kubernetes, grafana)',
    );
  });

  it('refuses a kubernetes sink whose cluster the Kubernetes plugin does not configure', async () => {
    await expect(
      create({
        kubernetes: {
          clusterLocatorMethods: [
            {
              type: 'config',
              clusters: [{ name: 'staging', url: 'https://k8s.staging' }],
            },
          ],
        },
        observability: {
          provisioning: {
            sinks: [{ type: 'kubernetes', cluster: 'production' }],
          },
        },
      }),
    ).rejects.toThrow(
      'kubernetes sink "kubernetes" names cluster "production", which kubernetes.clusterLocatorMethods (type config) does not define (defined: staging)',
    );
  });

  it('creates the configured sinks under their names', async () => {
    const sinks = await create({
      kubernetes: {
        clusterLocatorMethods: [
          {
            type: 'config',
            clusters: [
              {
                name: 'production',
                url: 'https://k8s.test',
                serviceAccountToken: 't',
              },
            ],
          },
        ],
      },
      observability: {
        grafana: { url: 'http://grafana.test', token: 'x' },
        provisioning: {
          sinks: [
            { type: 'kustomize', directory: 'out' },
            {
              type: 'prometheus-files',
              name: 'prometheus',
              rulesDirectory: 'rules',
            },
            { type: 'kubernetes', cluster: 'production' },
            { type: 'grafana' },
          ],
        },
      },
    });

    expect(sinks.map(s => [s.type, s.name])).toEqual([
      ['kustomize', 'kustomize'],
      ['prometheus-files', 'prometheus'],
      ['kubernetes', 'kubernetes'],
      ['grafana', 'grafana'],
    ]);
  });
});
