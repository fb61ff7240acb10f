/*
 * The message templates of Lookout's receivers (the fields Alertmanager fills from the alert's
 * labels and annotations), shared by both formats so a page reads the same either way.
 */

/** PagerDuty incident description. */
export const PAGERDUTY_DESCRIPTION =
  '{{ .CommonLabels.alertname }} {{ .CommonLabels.backstage_entity }} {{ .CommonLabels.slo }}: {{ .CommonAnnotations.summary }}';

/** PagerDuty incident links: text and href template. */
export const PAGERDUTY_LINKS: Array<[string, string]> = [
  ['Runbook', '{{ .CommonAnnotations.runbook_url }}'],
  ['Dashboard', '{{ .CommonAnnotations.dashboard_url }}'],
  ['Backstage', '{{ .CommonAnnotations.backstage_url }}'],
];

/** Slack message title. */
export const SLACK_TITLE =
  '[{{ .Status | toUpper }}] {{ .CommonLabels.alertname }} {{ .CommonLabels.backstage_entity }} {{ .CommonLabels.slo }}';
/** Slack title link. */
export const SLACK_TITLE_LINK = '{{ .CommonAnnotations.backstage_url }}';
/** Slack message text. */
export const SLACK_TEXT =
  '{{ range .Alerts }}{{ .Annotations.description }}{{ "\\n" }}{{ end }}';
