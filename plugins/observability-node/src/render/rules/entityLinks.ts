/*
 * The links in alerts' annotations: Backstage entity page, Grafana dashboard, runbook. (Owner and
 * team come from -common's alertOwnerRef and alertTeamOf.)
 */
import { parseEntityRef } from '@backstage/catalog-model';
import { SloSpec } from '@lookout/plugin-observability-common';
import { RenderInput, RenderOptions } from '../types';
import { dashboardUid } from './dashboardUid';

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}

/** `<backstageBaseUrl>/catalog/<namespace>/<kind>/<name>`, as Backstage routes it. @internal */
export function entityPageUrl(
  backstageBaseUrl: string,
  entityRef: string,
): string {
  const { kind, namespace, name } = parseEntityRef(entityRef);
  const part = (text: string) => encodeURIComponent(text);
  return `${trimSlash(backstageBaseUrl)}/catalog/${part(
    namespace.toLocaleLowerCase('en-US'),
  )}/${part(kind.toLocaleLowerCase('en-US'))}/${part(name)}`;
}

/** The entity's Grafana dashboard, when Grafana is configured and the entity has one. @internal */
export function dashboardUrl(
  input: RenderInput,
  options: RenderOptions,
): string | undefined {
  if (!options.grafanaBaseUrl || !input.spec.dashboard) {
    return undefined;
  }
  return `${trimSlash(options.grafanaBaseUrl)}/d/${dashboardUid(
    input.spec.entityRef,
  )}`;
}

/**
 * The runbook of an SLO's alerts: the SLO's own, else the entity's (`lookout.dev/runbook-url`),
 * else the configured default, else the entity page.
 * @internal
 */
export function runbookUrl(
  slo: SloSpec,
  input: RenderInput,
  options: RenderOptions,
): string {
  return (
    slo.alerting.runbook ??
    input.spec.runbookUrl ??
    options.defaultRunbookUrl ??
    entityPageUrl(options.backstageBaseUrl, input.spec.entityRef)
  );
}
