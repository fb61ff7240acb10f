/*
 * "Who gets paged": per severity, the receiver an alert of an entity reaches through the
 * routing plan, in words for the entity page and the ingestion warning.
 */
import { ALERT_SEVERITIES, AlertSeverityName } from './alertingSettings';
import { routeAlert } from './routeAlert';
import { RoutingPlan } from './routeTree';

/** Where alerts of one severity go. @public */
export interface PagingRoute {
  severity: AlertSeverityName;
  /** Receiver name in the Alertmanager configuration. */
  receiver: string;
  /** `PagerDuty (team-shop)`, `#shop-alerts`, `the default receiver (unrouted)`. */
  description: string;
  /** Whether the receiver pages someone (PagerDuty). */
  pages: boolean;
  /** Whether the alert falls through to the default receiver. */
  isDefault: boolean;
}

/** The route of each severity of an entity's alerts (labels `team`, `backstage_entity`). @public */
export function whoGetsPaged(
  plan: RoutingPlan,
  alert: { entityRef: string; team?: string },
): PagingRoute[] {
  return ALERT_SEVERITIES.map(severity => {
    const labels: Record<string, string> = {
      alertname: 'ErrorBudgetBurn',
      backstage_entity: alert.entityRef,
      severity,
      ...(alert.team ? { team: alert.team } : {}),
    };
    const receiver = routeAlert(plan.root, labels).receiver;
    const spec = plan.receivers.find(r => r.name === receiver);
    return {
      severity,
      receiver,
      description: spec?.description ?? receiver,
      pages: spec?.pagerduty !== undefined,
      isDefault: receiver === plan.root.receiver,
    };
  });
}

const VERBS: Record<AlertSeverityName, string> = {
  page: 'pages',
  ticket: 'tickets',
};

/** `pages → PagerDuty (team-shop), tickets → #shop-alerts`. @public */
export function formatPaging(routes: PagingRoute[]): string {
  return routes.map(r => `${VERBS[r.severity]} → ${r.description}`).join(', ');
}
