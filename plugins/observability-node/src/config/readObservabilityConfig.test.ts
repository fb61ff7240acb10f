import { ConfigReader } from '@backstage/config';
import {
  OPENTELEMETRY_PRESETS,
  PROM_CLIENT_PRESETS,
} from '@lookout/plugin-observability-common';
import { readObservabilityConfig } from './readObservabilityConfig';

describe('readObservabilityConfig', () => {
  it('defaults to lenient validation, OpenTelemetry presets and ServiceMonitors', () => {
    const settings = readObservabilityConfig(new ConfigReader({}));
    expect(settings.validationMode).toBe('lenient');
    expect(settings.parseOptions.presets).toEqual(OPENTELEMETRY_PRESETS);
    expect(settings.renderOptions).toEqual({
      backstageBaseUrl: 'http://localhost:3000',
      grafanaBaseUrl: undefined,
      defaultRunbookUrl: undefined,
      presets: OPENTELEMETRY_PRESETS,
      resourceLabels: {},
      defaultNamespace: 'observability',
      scrapeKind: 'ServiceMonitor',
      instanceId: 'default',
    });
  });

  it('reads observability.instanceId, and names the key when it is not a label value', () => {
    expect(
      readObservabilityConfig(
        new ConfigReader({ observability: { instanceId: 'staging-eu' } }),
      ).renderOptions.instanceId,
    ).toBe('staging-eu');
    expect(() =>
      readObservabilityConfig(
        new ConfigReader({ observability: { instanceId: 'Staging EU' } }),
      ),
    ).toThrow(/^observability\.instanceId must be .*got "Staging EU"$/);
  });

  it('switches to prom-client names and overrides single names', () => {
    const settings = readObservabilityConfig(
      new ConfigReader({
        app: { baseUrl: 'https://backstage.example.com/' },
        observability: {
          validation: { mode: 'strict' },
          presets: {
            convention: 'prom-client',
            statusCodeLabel: 'status_code',
          },
          render: { resourceLabels: { release: 'kube-prometheus-stack' } },
          grafana: {
            url: 'http://grafana:3000',
            externalUrl: 'https://grafana.example.com/',
          },
          loki: {
            url: 'http://loki:3100',
            tenant: 'shop',
            selectorTemplate: '{app="{{name}}"}',
          },
        },
      }),
    );
    expect(settings.validationMode).toBe('strict');
    expect(settings.parseOptions).toEqual({
      presets: { ...PROM_CLIENT_PRESETS, statusCodeLabel: 'status_code' },
      defaultLogsSelector: '{app="{{name}}"}',
      defaultLogsTenant: 'shop',
    });
    expect(settings.renderOptions.backstageBaseUrl).toBe(
      'https://backstage.example.com',
    );
    expect(settings.renderOptions.grafanaBaseUrl).toBe(
      'https://grafana.example.com',
    );
    expect(settings.renderOptions.resourceLabels).toEqual({
      release: 'kube-prometheus-stack',
    });
  });

  it('names the key of an invalid value', () => {
    expect(() =>
      readObservabilityConfig(
        new ConfigReader({ observability: { validation: { mode: 'loud' } } }),
      ),
    ).toThrow('observability.validation.mode must be "lenient" or "strict"');
    expect(() =>
      readObservabilityConfig(
        new ConfigReader({
          observability: { presets: { convention: 'micrometer' } },
        }),
      ),
    ).toThrow('observability.presets.convention');
  });

  it('allows unscoped panel queries only when observability.panels.allowUnscoped is true', () => {
    const read = (panels?: object) =>
      readObservabilityConfig(
        new ConfigReader({ observability: { ...(panels && { panels }) } }),
      ).parseOptions.allowUnscopedPanels;
    expect(read()).toBeUndefined();
    expect(read({ allowUnscoped: false })).toBeUndefined();
    expect(read({ allowUnscoped: true })).toBe(true);
  });
});
