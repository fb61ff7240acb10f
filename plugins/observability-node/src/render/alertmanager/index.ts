/*
 * Public surface of the Alertmanager fragment renderer.
 */
export {
  renderAlertmanagerConfig,
  pagerReceiverName,
  ticketReceiverName,
} from './renderAlertmanagerConfig';
export type {
  AlertmanagerFragment,
  AlertmanagerRoute,
} from './renderAlertmanagerConfig';
