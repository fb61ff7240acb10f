import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PROM_CLIENT_PRESETS } from '@lookout/plugin-observability-common';
import { readSettings } from './readSettings';

describe('readSettings', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lookout-config-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const file = (name: string, content: string) => {
    fs.writeFileSync(path.join(dir, name), content);
    return path.join(dir, name);
  };

  it('has the backend defaults without a config file', async () => {
    const settings = await readSettings([], {});
    expect(settings.renderOptions).toMatchObject({
      backstageBaseUrl: 'http://localhost:3000',
      defaultNamespace: 'observability',
      scrapeKind: 'ServiceMonitor',
    });
    expect(settings.grafanaOperator).toBeUndefined();
  });

  it('merges files in order and substitutes environment variables like Backstage', async () => {
    const base = file(
      'app-config.yaml',
      `app:
  baseUrl: http://localhost:3000
observability:
  presets:
    convention: prom-client
  render:
    scrapeKind: PodMonitor
`,
    );
    const production = file(
      'app-config.production.yaml',
      `app:
  baseUrl: \${APP_BASE_URL}
observability:
  grafana:
    url: \${GRAFANA_URL}
  render:
    resourceLabels:
      price: $\${not-a-variable}
    grafanaOperator:
      instanceSelector:
        matchLabels:
          dashboards: grafana
`,
    );
    const settings = await readSettings([base, production], {
      APP_BASE_URL: 'https://backstage.example.com',
    });
    expect(settings.renderOptions.backstageBaseUrl).toBe(
      'https://backstage.example.com',
    );
    // unset variable: the key is left out, as Backstage does
    expect(settings.renderOptions.grafanaBaseUrl).toBeUndefined();
    expect(settings.renderOptions.scrapeKind).toBe('PodMonitor');
    expect(settings.renderOptions.presets).toEqual(PROM_CLIENT_PRESETS);
    expect(settings.renderOptions.resourceLabels).toEqual({
      price: '${not-a-variable}',
    });
    expect(settings.grafanaOperator).toEqual({
      instanceSelector: { matchLabels: { dashboards: 'grafana' } },
    });
  });

  it("reads $include and $file as the backend's config loader does", async () => {
    file(
      'render.yaml',
      'scrapeKind: PodMonitor\ndefaultNamespace: monitoring\n',
    );
    file('instance.txt', 'staging');
    const settings = await readSettings(
      [
        file(
          'app-config.yaml',
          'observability:\n  instanceId:\n    $file: ./instance.txt\n  render:\n    $include: ./render.yaml\n',
        ),
      ],
      {},
    );
    expect(settings.renderOptions.scrapeKind).toBe('PodMonitor');
    expect(settings.renderOptions.defaultNamespace).toBe('monitoring');
    expect(settings.renderOptions.instanceId).toBe('staging');
  });

  it('reports a missing or invalid file, and an invalid value by its key, as usage errors', async () => {
    await expect(
      readSettings([path.join(dir, 'nope.yaml')], {}),
    ).rejects.toThrow(/--config .*nope\.yaml: no such file/);
    await expect(readSettings([file('bad.yaml', 'a: [')], {})).rejects.toThrow(
      'not valid YAML',
    );
    await expect(
      readSettings(
        [
          file(
            'kind.yaml',
            'observability:\n  render:\n    scrapeKind: Probe\n',
          ),
        ],
        {},
      ),
    ).rejects.toThrow('observability.render.scrapeKind');
  });
});
