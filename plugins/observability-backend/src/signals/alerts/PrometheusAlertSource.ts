/*
 * The alerts of an entity from Prometheus itself, when no Alertmanager is configured: the
 * `ALERTS` series (state) joined with `ALERTS_FOR_STATE` (since when), in one query.
 */
import { SloAlert } from '@lookout/plugin-observability-common';
import {
  InstantSample,
  PrometheusClient,
} from '../prometheus/PrometheusClient';
import { entityAlertsQuery } from '../slos/sloQueries';
import { AlertSource } from '../types';
import { sortAlerts } from './sortAlerts';

function identity(labels: Record<string, string>): string {
  const rest = Object.entries(labels)
    .filter(([name]) => name !== '__name__' && name !== 'alertstate')
    .sort(([a], [b]) => a.localeCompare(b, 'en'));
  return JSON.stringify(rest);
}

/** Alerts from the samples of `ALERTS` and `ALERTS_FOR_STATE` of one instant. */
export function alertsFromSamples(
  samples: readonly InstantSample[],
): SloAlert[] {
  const activeSince = new Map<string, number>();
  for (const sample of samples) {
    if (sample.labels.__name__ === 'ALERTS_FOR_STATE') {
      activeSince.set(identity(sample.labels), sample.value * 1000);
    }
  }
  const alerts: SloAlert[] = [];
  for (const sample of samples) {
    if (sample.labels.__name__ !== 'ALERTS') {
      continue;
    }
    const { __name__: _name, alertstate, ...labels } = sample.labels;
    alerts.push({
      name: labels.alertname,
      severity: labels.severity ?? '',
      state: alertstate === 'pending' ? 'pending' : 'firing',
      activeAt: activeSince.get(identity(sample.labels)) ?? sample.time,
      labels,
    });
  }
  return sortAlerts(alerts);
}

/** @public */
export class PrometheusAlertSource implements AlertSource {
  readonly upstream = 'prometheus' as const;

  constructor(private readonly client: PrometheusClient) {}

  async alertsOf(entityRef: string): Promise<SloAlert[]> {
    const { data } = await this.client.instantQuery(
      entityAlertsQuery(entityRef),
    );
    return alertsFromSamples(data);
  }
}
