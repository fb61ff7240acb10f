/*
 * The operator format's routing: per owner (team, or Component with an owner-less pager) an
 * `AlertmanagerConfig` (monitoring.coreos.com/v1alpha1) holding its route and receivers, laid
 * out like an entity (folder named after the Group's ref). Secret keys are `secretKeyRef`s; keys
 * written in the catalog (`pagerduty.com/integration-key`) go into a generated Secret beside it.
 */
import {
  AlertRoute,
  ReceiverSpec,
  RouteOwner,
  RoutingPlan,
  SecretKeyRef,
} from '@lookout/plugin-observability-common';
import { DEFAULT_INSTANCE_ID } from '../output/generatedNotice';
import { entitySlug } from '../scrape/entitySlug';
import { GeneratedObject, objectMetadata } from '../scrape/kubernetesObject';
import { EntityRender, RenderOptions } from '../types';
import { AlertingOptions } from './alertingOptions';
import { OPERATOR_FIELDS, receiverConfig } from './receiverConfig';

/** Kind of the generated routing objects. @public */
export const ALERTMANAGER_CONFIG_KIND = 'AlertmanagerConfig';

function operatorRoute(route: AlertRoute): Record<string, unknown> {
  return {
    receiver: route.receiver,
    ...(route.matchers.length > 0 && {
      matchers: route.matchers.map(m => ({
        name: m.name,
        value: m.value,
        matchType: m.op,
      })),
    }),
    ...(route.groupBy && { groupBy: route.groupBy }),
    ...(route.groupWait && { groupWait: route.groupWait }),
    ...(route.groupInterval && { groupInterval: route.groupInterval }),
    ...(route.repeatInterval && { repeatInterval: route.repeatInterval }),
    ...(route.routes.length > 0 && { routes: route.routes.map(operatorRoute) }),
  };
}

function operatorReceiver(
  receiver: ReceiverSpec,
  keySecret: string,
): Record<string, unknown> {
  const ref = (r: SecretKeyRef) => ({ name: r.name, key: r.key });
  return receiverConfig(receiver, {
    fields: OPERATOR_FIELDS,
    // A key written in the catalog is in the owner's generated Secret, under the receiver's name.
    pagerKey: key => ({
      routingKey:
        'value' in key
          ? { name: keySecret, key: receiver.name }
          : ref(key.secret),
    }),
    slackUrl: webhook => ({ apiURL: ref(webhook) }),
  });
}

/** The objects of one owner: its AlertmanagerConfig, and a Secret for keys written in the catalog. */
function ownerObjects(
  owner: RouteOwner,
  alerting: AlertingOptions,
  options: Pick<
    RenderOptions,
    'resourceLabels' | 'defaultNamespace' | 'instanceId'
  >,
): GeneratedObject[] {
  const slug = entitySlug(owner.ref);
  const metadata = objectMetadata(
    { entityRef: owner.ref, name: slug, workloadNamespace: alerting.namespace },
    options,
  );
  const keySecret = `${slug}-pagerduty`;
  const literalKeys = owner.receivers.flatMap(r =>
    r.pagerduty && 'value' in r.pagerduty ? [[r.name, r.pagerduty.value]] : [],
  );
  const objects: GeneratedObject[] = [];
  if (literalKeys.length > 0) {
    // A Secret has no spec; the shared object shape is widened for it.
    objects.push({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { ...metadata, name: keySecret },
      type: 'Opaque',
      stringData: Object.fromEntries(literalKeys),
    } as unknown as GeneratedObject);
  }
  objects.push({
    apiVersion: 'monitoring.coreos.com/v1alpha1',
    kind: ALERTMANAGER_CONFIG_KIND,
    metadata,
    spec: {
      route: operatorRoute(owner.route),
      receivers: owner.receivers.map(r => operatorReceiver(r, keySecret)),
    },
  });
  return objects;
}

/**
 * One render per owner of `plan`, laid out and provisioned like an entity's: the folder (and
 * the sinks' entity) is the Group's ref. Sorted by ref.
 * @public
 */
export function renderAlertmanagerConfigs(
  plan: RoutingPlan,
  alerting: AlertingOptions,
  options: Pick<
    RenderOptions,
    'resourceLabels' | 'defaultNamespace' | 'instanceId'
  >,
): EntityRender[] {
  return plan.owners
    .map(owner => ({
      entityRef: owner.ref,
      slug: entitySlug(owner.ref),
      instanceId: options.instanceId ?? DEFAULT_INSTANCE_ID,
      objects: ownerObjects(owner, alerting, options),
      ruleGroups: [],
      fileSdTargets: [],
      ruleTests: [],
      problems: [],
      routing: owner,
    }))
    .sort((a, b) => {
      if (a.entityRef === b.entityRef) {
        return 0;
      }
      return a.entityRef < b.entityRef ? -1 : 1;
    });
}
