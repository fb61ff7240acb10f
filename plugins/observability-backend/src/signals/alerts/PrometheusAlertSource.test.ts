import { alertsFromSamples } from './PrometheusAlertSource';

const labels = {
  alertname: 'ErrorBudgetBurn',
  backstage_entity: 'component:default/checkout',
  slo: 'availability',
  severity: 'page',
};

describe('alertsFromSamples', () => {
  it('joins ALERTS (state) with ALERTS_FOR_STATE (since when)', () => {
    const alerts = alertsFromSamples([
      {
        labels: { __name__: 'ALERTS', alertstate: 'firing', ...labels },
        time: 1795626000000,
        value: 1,
      },
      {
        labels: { __name__: 'ALERTS_FOR_STATE', ...labels },
        time: 1795626000000,
        value: 1795625000,
      },
      {
        labels: {
          __name__: 'ALERTS',
          alertstate: 'pending',
          ...labels,
          alertname: 'SLOMetricsMissing',
          severity: 'ticket',
        },
        time: 1795626000000,
        value: 1,
      },
    ]);
    expect(alerts).toEqual([
      {
        name: 'ErrorBudgetBurn',
        severity: 'page',
        state: 'firing',
        activeAt: 1795625000000,
        labels,
      },
      {
        name: 'SLOMetricsMissing',
        severity: 'ticket',
        state: 'pending',
        // No ALERTS_FOR_STATE sample: the evaluation time stands in.
        activeAt: 1795626000000,
        labels: {
          ...labels,
          alertname: 'SLOMetricsMissing',
          severity: 'ticket',
        },
      },
    ]);
  });
});
