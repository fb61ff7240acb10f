/*
 * What the routing renderers need besides the plan: the configured settings, where the plain
 * Alertmanager reads Secret files, and where the operator's objects go.
 */
import {
  AlertingSettings,
  DEFAULT_ALERTING_SETTINGS,
} from '@lookout/plugin-observability-common';

/** Options of the routing outputs (`observability.alerting`). @public */
export interface AlertingOptions {
  settings: AlertingSettings;
  /**
   * Folder under which a plain Alertmanager reads Secret keys as files
   * (`<folder>/<secret>/<key>`, the layout prometheus-operator mounts `secrets:` with).
   */
  secretsDirectory: string;
  /** Namespace of the generated AlertmanagerConfig objects and of the Secrets they refer to. */
  namespace?: string;
  /** SMTP settings of the plain configuration, needed when a team gets tickets by e-mail. */
  smtp?: { smarthost: string; from: string };
}

/** Default of {@link AlertingOptions.secretsDirectory}. @public */
export const DEFAULT_ALERTMANAGER_SECRETS_DIRECTORY =
  '/etc/alertmanager/secrets';

/** Options when `observability.alerting` is absent. @public */
export const DEFAULT_ALERTING_OPTIONS: AlertingOptions = {
  settings: DEFAULT_ALERTING_SETTINGS,
  secretsDirectory: DEFAULT_ALERTMANAGER_SECRETS_DIRECTORY,
};
