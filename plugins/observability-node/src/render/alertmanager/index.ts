/*
 * Public surface of the routing renderers: the plain Alertmanager configuration and the
 * operator's AlertmanagerConfig objects, both from the routing plan of common.
 */
export {
  renderAlertmanagerYaml,
  plainReceiver,
  matcherText,
  PAGE_INHIBITS_TICKET,
} from './alertmanagerYaml';
export type {
  AlertmanagerConfiguration,
  AlertmanagerRoute,
} from './alertmanagerYaml';
export {
  renderAlertmanagerConfigs,
  ALERTMANAGER_CONFIG_KIND,
} from './alertmanagerConfigObjects';
export {
  DEFAULT_ALERTING_OPTIONS,
  DEFAULT_ALERTMANAGER_SECRETS_DIRECTORY,
} from './alertingOptions';
export type { AlertingOptions } from './alertingOptions';
export { routingOf } from './routingOf';
