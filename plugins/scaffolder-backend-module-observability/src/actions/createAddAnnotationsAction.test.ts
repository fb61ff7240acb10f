import fs from 'node:fs';
import path from 'node:path';
import { actionInWorkspace } from '../__testUtils__/actionInWorkspace';
import { createAddAnnotationsAction } from './createAddAnnotationsAction';

const shop = fs.readFileSync(
  path.join(__dirname, '../__fixtures__/shop-catalog-info.yaml'),
  'utf8',
);

describe('lookout:annotations:add', () => {
  const { workspace, run } = actionInWorkspace(
    createAddAnnotationsAction(),
    shop,
  );
  const fileText = () =>
    fs.readFileSync(path.join(workspace.path, 'catalog-info.yaml'), 'utf8');

  it('writes every typed input as its annotation into the chosen entity and nothing else', async () => {
    const outputs = await run({
      entityRef: 'component:default/checkout',
      metricsPort: 'http-metrics',
      metricsPath: '/internal/metrics',
      availabilityObjective: 99.9,
      latencyObjective: 99,
      latencyThreshold: '300ms',
      window: '28d',
      logsSelector: '{namespace="shop", app="checkout"}',
      tracesService: 'checkout-api',
      runbookUrl: 'https://runbooks.example.com/checkout',
      slos: [
        {
          name: 'orders-placed',
          objective: 99.5,
          ratio: {
            errors: 'orders_total{job="checkout", result="failed"}',
            total: 'orders_total{job="checkout"}',
          },
        },
      ],
    });
    expect(fileText()).toBe(
      shop.replace(
        "    lookout.dev/slo-availability: '99.5'\n",
        [
          '    lookout.dev/slo-availability: "99.9"',
          '    lookout.dev/metrics-port: http-metrics',
          '    lookout.dev/metrics-path: /internal/metrics',
          '    lookout.dev/slo-latency: 99% < 300ms',
          '    lookout.dev/slo-window: 28d',
          '    lookout.dev/slos: |',
          '      - name: orders-placed',
          '        objective: 99.5',
          '        ratio:',
          '          errors: orders_total{job="checkout", result="failed"}',
          '          total: orders_total{job="checkout"}',
          `    lookout.dev/logs-selector: '{namespace="shop", app="checkout"}'`,
          '    lookout.dev/traces-service: checkout-api',
          '    lookout.dev/runbook-url: https://runbooks.example.com/checkout',
          '',
        ].join('\n'),
      ),
    );
    expect(outputs.entityRef).toBe('component:default/checkout');
    expect(outputs.warnings).toEqual([]);
    expect(outputs.description).toContain(
      '- **Scrape**: port `http-metrics`, path `/internal/metrics`, every 30s',
    );
    expect(outputs.description).toContain(
      '  - `availability`: 99.9% of requests succeed over 28d; burn-rate alerts: page (fast burn), ticket (slow burn)',
    );
    expect(outputs.description).toContain(
      '  - `latency`: 99% of requests faster than 300 ms over 28d',
    );
    expect(outputs.description).toContain(
      '  - `orders-placed`: 99.5% of requests succeed over 28d',
    );
  });

  it('refuses an objective of 100 with the problem line and leaves the file untouched', async () => {
    await expect(
      run({ entityRef: 'checkout', availabilityObjective: '100' }),
    ).rejects.toThrow(
      /catalog-info\.yaml left unchanged: the annotations have problems\ncomponent:default\/checkout: lookout\.dev\/slo-availability: /,
    );
    expect(fileText()).toBe(shop);
  });

  it('names the path inside lookout.dev/slos of a selector that is not a bare selector, and leaves the file untouched', async () => {
    await expect(
      run({
        entityRef: 'checkout',
        slos: [
          {
            name: 'orders',
            objective: 99,
            ratio: { errors: 'rate(orders_total[5m])', total: 'orders_total' },
          },
        ],
      }),
    ).rejects.toThrow(
      'component:default/checkout: lookout.dev/slos[0].ratio.errors: ',
    );
    expect(fileText()).toBe(shop);
  });

  it('asks for the threshold when only a latency objective is given', async () => {
    await expect(
      run({ entityRef: 'checkout', latencyObjective: 99 }),
    ).rejects.toThrow('latencyThreshold: is missing');
    expect(fileText()).toBe(shop);
  });

  it('treats empty form fields as not given and refuses a run that sets nothing', async () => {
    await expect(
      run({ entityRef: 'checkout', metricsPort: '', runbookUrl: '  ' }),
    ).rejects.toThrow('no Lookout annotation to set');
    expect(fileText()).toBe(shop);
  });

  it('needs an entity ref when the file holds several entities', async () => {
    await expect(run({ availabilityObjective: 99.9 })).rejects.toThrow(
      'entityRef: catalog-info.yaml holds 4 entities',
    );
    expect(fileText()).toBe(shop);
  });

  it('validates the whole entity: an existing bad annotation fails the run until it is replaced', async () => {
    workspace.setContent({
      'catalog-info.yaml': shop.replace("'99.5'", "'99.5%%'"),
    });
    await expect(
      run({ entityRef: 'checkout', metricsPort: 'http' }),
    ).rejects.toThrow('lookout.dev/slo-availability');
    await run({ entityRef: 'checkout', availabilityObjective: '99.5' });
    expect(fileText()).toContain('    lookout.dev/slo-availability: "99.5"\n');
  });

  it('logs warnings but still writes the file', async () => {
    const outputs = await run({
      entityRef: 'checkout',
      metricsPath: '/metrics',
    });
    // The message's wording belongs to the parser; the line's shape is the CLI's.
    expect(outputs.warnings).toEqual([
      expect.stringMatching(
        /^component:default\/checkout: lookout\.dev\/metrics-path: has no effect without lookout\.dev\/metrics-port .* \(warning\)$/,
      ),
    ]);
    expect(fileText()).toContain('    lookout.dev/metrics-path: /metrics\n');
  });

  it('refuses a file path outside the workspace', async () => {
    await expect(
      run({ filePath: '../catalog-info.yaml', availabilityObjective: 99 }),
    ).rejects.toThrow(/outside/);
  });
});
