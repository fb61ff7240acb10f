import { validateCustomResource } from '../__fixtures__/__testUtils__/validateCustomResource';
import {
  availabilitySlo,
  entity,
  latencySlo,
  renderInput,
  renderOptions,
} from '../__fixtures__/renderInputs';
import { renderEntity } from './renderEntity';

const metrics = { path: '/metrics', interval: '30s', targets: [] };

describe('renderEntity', () => {
  const input = renderInput({
    metrics: { ...metrics, port: 'http-metrics', targets: ['vm-1:9100'] },
    slos: [availabilitySlo, latencySlo],
    kubernetes: { namespace: 'shop' },
  });

  it('combines scrape objects, SLO rules, dashboard, file_sd targets and rule tests', () => {
    const render = renderEntity(input, renderOptions);
    expect(render.entityRef).toBe('component:default/checkout');
    expect(render.slug).toBe('component-default-checkout');
    expect(
      (render.objects as Array<{ kind: string }>).map(o => o.kind),
    ).toEqual(['ServiceMonitor', 'ScrapeConfig', 'PrometheusRule']);
    expect(render.ruleGroups.length).toBeGreaterThan(0);
    expect(render.fileSdTargets).toHaveLength(1);
    expect(render.dashboard?.uid).toBe('component_default_checkout');
    expect(render.ruleTests.map(t => t.sloName)).toEqual([
      'availability',
      'latency',
    ]);
    expect(
      render.ruleTests.every(t =>
        (t.content as { rule_files: string[] }).rule_files.includes(
          `component-default-checkout.${t.sloName}.rules.yaml`,
        ),
      ),
    ).toBe(true);
    expect(render.problems.filter(p => p.severity === 'error')).toEqual([]);
  });

  it('wraps the rule groups in a valid PrometheusRule beside the other objects', () => {
    const render = renderEntity(input, renderOptions);
    const rule = render.objects[2] as {
      metadata: { name: string; namespace: string };
      spec: { groups: unknown };
    };
    expect(rule.metadata).toMatchObject({
      name: 'component-default-checkout',
      namespace: 'shop',
    });
    expect(rule.spec.groups).toEqual(render.ruleGroups);
    for (const object of render.objects) {
      expect(validateCustomResource(object)).toEqual([]);
    }
  });

  it('leaves the rule tests out when asked to', () => {
    expect(
      renderEntity(input, renderOptions, { ruleTests: false }).ruleTests,
    ).toEqual([]);
  });

  it('is deterministic', () => {
    expect(JSON.stringify(renderEntity(input, renderOptions))).toBe(
      JSON.stringify(renderEntity(input, renderOptions)),
    );
  });

  it('renders neither rules nor PrometheusRule for an entity without SLOs', () => {
    const render = renderEntity(
      renderInput({ metrics: { ...metrics, port: 'http' } }, entity('plain')),
      renderOptions,
    );
    expect(render.ruleGroups).toEqual([]);
    expect(render.ruleTests).toEqual([]);
    expect(
      (render.objects as Array<{ kind: string }>).map(o => o.kind),
    ).toEqual(['ServiceMonitor']);
  });

  it('passes on the problems of its parts', () => {
    const render = renderEntity(
      renderInput({
        metrics: { ...metrics, port: 'http' },
        kubernetes: { labelSelector: 'app in (' },
      }),
      renderOptions,
    );
    expect(render.problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        annotation: 'backstage.io/kubernetes-label-selector',
      }),
    ]);
    expect(render.objects).toEqual([]);
  });
});
