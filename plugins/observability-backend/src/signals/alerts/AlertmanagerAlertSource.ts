/*
 * The alerts of an entity from Alertmanager: every alert with the entity's `backstage_entity`
 * label, silenced and inhibited ones marked `suppressed`.
 */
import { ENTITY_LABEL, SloAlert } from '@lookout/plugin-observability-common';
import {
  AlertmanagerAlert,
  AlertmanagerClient,
  formatAlertmanagerMatcher,
} from '../alertmanager/AlertmanagerClient';
import { AlertSource } from '../types';
import { sortAlerts } from './sortAlerts';

/** An Alertmanager alert as the API answers it; `externalUrl` makes the link to Alertmanager's UI. */
export function alertFromAlertmanager(
  alert: AlertmanagerAlert,
  externalUrl?: string,
): SloAlert {
  const { alertname, severity } = alert.labels;
  const filter = ['alertname', ENTITY_LABEL, 'slo', 'severity']
    .filter(name => alert.labels[name] !== undefined)
    .map(name =>
      formatAlertmanagerMatcher({ name, op: '=', value: alert.labels[name] }),
    )
    .join(',');
  return {
    name: alertname,
    severity: severity ?? '',
    state: alert.status.state === 'suppressed' ? 'suppressed' : 'firing',
    activeAt: Date.parse(alert.startsAt),
    labels: alert.labels,
    annotations: alert.annotations,
    ...(externalUrl && {
      url: `${externalUrl.replace(
        /\/+$/,
        '',
      )}/#/alerts?filter=${encodeURIComponent(`{${filter}}`)}`,
    }),
  };
}

/** @public */
export class AlertmanagerAlertSource implements AlertSource {
  readonly upstream = 'alertmanager' as const;

  constructor(
    private readonly client: AlertmanagerClient,
    private readonly externalUrl?: string,
  ) {}

  async alertsOf(entityRef: string): Promise<SloAlert[]> {
    const alerts = await this.client.alerts([
      { name: ENTITY_LABEL, op: '=', value: entityRef },
    ]);
    return sortAlerts(
      alerts.map(a => alertFromAlertmanager(a, this.externalUrl)),
    );
  }
}
