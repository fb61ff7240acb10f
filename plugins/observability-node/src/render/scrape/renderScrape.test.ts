import { MetricsSpec } from '@lookout/plugin-observability-common';
import { validateCustomResource } from '../../__fixtures__/__testUtils__/validateCustomResource';
import {
  checkoutObjectMetadata,
  entity,
  renderInput,
  renderOptions,
} from '../../__fixtures__/renderInputs';
import { renderScrape } from './renderScrape';

const metrics = (parts: Partial<MetricsSpec> = {}): MetricsSpec => ({
  path: '/metrics',
  interval: '30s',
  targets: [],
  ...parts,
});

describe('renderScrape', () => {
  it('selects the workload by kubernetes-id in its namespace and relabels every target with the entity', () => {
    const { objects, problems } = renderScrape(
      renderInput({
        metrics: metrics({ port: 'http-metrics', interval: '15s' }),
        kubernetes: { id: 'checkout-svc', namespace: 'shop' },
      }),
      renderOptions,
    );
    expect(problems).toEqual([]);
    expect(objects).toEqual([
      {
        apiVersion: 'monitoring.coreos.com/v1',
        kind: 'ServiceMonitor',
        metadata: checkoutObjectMetadata,
        spec: {
          selector: {
            matchLabels: { 'backstage.io/kubernetes-id': 'checkout-svc' },
          },
          namespaceSelector: { matchNames: ['shop'] },
          endpoints: [
            {
              port: 'http-metrics',
              path: '/metrics',
              interval: '15s',
              relabelings: [
                {
                  action: 'replace',
                  targetLabel: 'backstage_entity',
                  replacement: 'component:default/checkout',
                },
              ],
            },
          ],
        },
      },
    ]);
    expect(validateCustomResource(objects[0])).toEqual([]);
  });

  it('scrapes a numeric port as the target port behind the Service', () => {
    const [monitor] = renderScrape(
      renderInput({ metrics: metrics({ port: 8080 }) }),
      renderOptions,
    ).objects as any[];
    expect(monitor.spec.endpoints[0]).toMatchObject({ targetPort: 8080 });
    expect(monitor.spec.endpoints[0].port).toBeUndefined();
    expect(validateCustomResource(monitor)).toEqual([]);
  });

  it('uses the label selector annotation instead of kubernetes-id when set', () => {
    const [monitor] = renderScrape(
      renderInput({
        metrics: metrics({ port: 'http' }),
        kubernetes: {
          id: 'ignored',
          labelSelector: 'app=checkout,tier in (web,api)',
        },
      }),
      renderOptions,
    ).objects as any[];
    expect(monitor.spec.selector).toEqual({
      matchLabels: { app: 'checkout' },
      matchExpressions: [
        { key: 'tier', operator: 'In', values: ['web', 'api'] },
      ],
    });
    expect(validateCustomResource(monitor)).toEqual([]);
  });

  it('falls back to the entity name and searches every namespace without workload annotations', () => {
    const [monitor] = renderScrape(
      renderInput({ metrics: metrics({ port: 'http' }) }),
      renderOptions,
    ).objects as any[];
    expect(monitor.metadata.namespace).toBe('observability');
    expect(monitor.spec.selector).toEqual({
      matchLabels: { 'backstage.io/kubernetes-id': 'checkout' },
    });
    expect(monitor.spec.namespaceSelector).toEqual({ any: true });
  });

  it('reports an invalid label selector on its annotation and generates no monitor', () => {
    const result = renderScrape(
      renderInput({
        metrics: metrics({ port: 'http' }),
        kubernetes: { labelSelector: 'app in (web' },
      }),
      renderOptions,
    );
    expect(result.objects).toEqual([]);
    expect(result.problems).toEqual([
      {
        severity: 'error',
        annotation: 'backstage.io/kubernetes-label-selector',
        path: '',
        message: 'not a valid label selector: unbalanced "("',
      },
    ]);
  });

  it('generates a PodMonitor scraping a container port when configured so', () => {
    const options = { ...renderOptions, scrapeKind: 'PodMonitor' as const };
    const [named] = renderScrape(
      renderInput({
        metrics: metrics({ port: 'metrics' }),
        kubernetes: { namespace: 'shop' },
      }),
      options,
    ).objects as any[];
    const [numbered] = renderScrape(
      renderInput({ metrics: metrics({ port: 9090 }) }),
      options,
    ).objects as any[];
    expect(named.kind).toBe('PodMonitor');
    expect(named.spec.podMetricsEndpoints[0]).toMatchObject({
      port: 'metrics',
      path: '/metrics',
      interval: '30s',
    });
    expect(numbered.spec.podMetricsEndpoints[0]).toMatchObject({
      portNumber: 9090,
    });
    expect(validateCustomResource(named)).toEqual([]);
    expect(validateCustomResource(numbered)).toEqual([]);
  });

  it('scrapes static targets with a ScrapeConfig and file_sd groups labelled with the entity', () => {
    const result = renderScrape(
      renderInput(
        {
          metrics: metrics({
            path: '/status/metrics',
            interval: '1m',
            targets: [
              'billing-1.example.com:9100',
              'billing-2.example.com:9100',
            ],
          }),
        },
        entity('legacy-billing'),
      ),
      renderOptions,
    );
    expect(result.objects).toHaveLength(1);
    const [config] = result.objects as any[];
    expect(config).toMatchObject({
      apiVersion: 'monitoring.coreos.com/v1alpha1',
      kind: 'ScrapeConfig',
      metadata: {
        name: 'component-default-legacy-billing',
        namespace: 'observability',
      },
      spec: {
        staticConfigs: [
          {
            targets: [
              'billing-1.example.com:9100',
              'billing-2.example.com:9100',
            ],
            labels: { backstage_entity: 'component:default/legacy-billing' },
          },
        ],
        metricsPath: '/status/metrics',
        scrapeInterval: '1m',
      },
    });
    expect(validateCustomResource(config)).toEqual([]);
    expect(result.fileSdTargets).toEqual([
      {
        targets: ['billing-1.example.com:9100', 'billing-2.example.com:9100'],
        labels: {
          __metrics_path__: '/status/metrics',
          __scrape_interval__: '1m',
          backstage_entity: 'component:default/legacy-billing',
          __lookout_instance: 'default',
        },
      },
    ]);
  });

  it('lowers the file_sd scrape timeout to intervals shorter than the 10s default', () => {
    const { fileSdTargets } = renderScrape(
      renderInput({ metrics: metrics({ interval: '5s', targets: ['a:1'] }) }),
      renderOptions,
    );
    expect(fileSdTargets[0].labels.__scrape_timeout__).toBe('5s');
  });

  it('scrapes both the workload and static targets when an entity has both', () => {
    const { objects } = renderScrape(
      renderInput({
        metrics: metrics({ port: 'http', targets: ['vm-1:9100'] }),
      }),
      renderOptions,
    );
    expect(objects.map(o => o.kind)).toEqual([
      'ServiceMonitor',
      'ScrapeConfig',
    ]);
  });

  it('generates nothing for an entity without metrics annotations', () => {
    expect(renderScrape(renderInput(), renderOptions)).toEqual({
      objects: [],
      fileSdTargets: [],
      problems: [],
    });
  });
});
