/*
 * A catalog with several teams for the routing tests: a team with a PagerDuty key written in the
 * catalog and a Slack channel, a team whose key is in a Secret and whose tickets go to a webhook,
 * a team with e-mail tickets only, a team without a Group (no receiver at all) and, in that team,
 * a Component with its own PagerDuty key.
 */
import { Entity } from '@backstage/catalog-model';
import { DEFAULT_ALERTING_SETTINGS } from '@lookout/plugin-observability-common';
import {
  entity,
  renderInput,
  renderOptions,
} from '../../../__fixtures__/renderInputs';
import { ratioSlo } from '../../rules/__testUtils__/sloFixtures';
import { AlertingOptions } from '../alertingOptions';
import { renderAlertmanagerConfigs } from '../alertmanagerConfigObjects';
import { routingOf } from '../routingOf';

export const SHOP_KEY = '0123456789abcdef0123456789abcdef';
export const EDGE_KEY = 'fedcba9876543210fedcba9876543210';

function group(name: string, annotations: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name, namespace: 'default', annotations },
    spec: { type: 'team', children: [] },
  };
}

export const groups = new Map<string, Entity>([
  [
    'group:default/team-shop',
    group('team-shop', {
      'pagerduty.com/integration-key': SHOP_KEY,
      'lookout.dev/tickets-slack-secret':
        'alertmanager-receivers/team-shop-slack-webhook-url',
      'lookout.dev/tickets-slack-channel': '#shop-alerts',
    }),
  ],
  [
    'group:default/team-pay',
    group('team-pay', {
      'lookout.dev/pager-secret':
        'alertmanager-receivers/team-pay-pagerduty-routing-key',
      'lookout.dev/tickets-webhook': 'https://tickets.example.com/hooks/pay',
    }),
  ],
  [
    'group:default/team-docs',
    group('team-docs', { 'lookout.dev/tickets-email': 'docs@example.com' }),
  ],
]);

function withAnnotations(
  e: Entity,
  annotations: Record<string, string>,
): Entity {
  return { ...e, metadata: { ...e.metadata, annotations } };
}

export const inputs = [
  renderInput(
    { slos: [ratioSlo(), ratioSlo({ name: 'latency' })] },
    entity('checkout', { owner: 'team-shop' }),
  ),
  renderInput(
    { slos: [ratioSlo()] },
    entity('payments', { owner: 'group:default/team-pay' }),
  ),
  renderInput({ slos: [ratioSlo()] }, entity('wiki', { owner: 'team-docs' })),
  renderInput(
    { slos: [ratioSlo()] },
    entity('lonely', { owner: 'team-ghost' }),
  ),
  renderInput(
    { slos: [ratioSlo()] },
    withAnnotations(entity('edge', { owner: 'team-ghost' }), {
      'pagerduty.com/integration-key': EDGE_KEY,
    }),
  ),
];

export const alertingOptions: AlertingOptions = {
  settings: DEFAULT_ALERTING_SETTINGS,
  secretsDirectory: '/etc/alertmanager/secrets',
  namespace: 'observability',
  smtp: { smarthost: 'smtp.example.com:587', from: 'alertmanager@example.com' },
};

/** The routing plan of the catalog above. */
export const routingPlan = routingOf(
  inputs,
  ref => groups.get(ref),
  alertingOptions,
);

/** The operator format's objects of that plan, one render per owner. */
export const operatorRoutingRenders = renderAlertmanagerConfigs(
  routingPlan,
  alertingOptions,
  renderOptions,
);
