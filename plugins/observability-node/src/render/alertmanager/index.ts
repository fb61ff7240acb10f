/*
 * Public surface of the Alertmanager fragment renderer.
 */
export {
  renderAlertmanagerConfig,
  pagerReceiverName,
} from './renderAlertmanagerConfig';
export type {
  AlertmanagerFragment,
  AlertmanagerRoute,
} from './renderAlertmanagerConfig';
