/*
 * Reads `observability.scope`: which kinds get default logs and traces, per-namespace defaults,
 * and the allow-list of what annotations (logs and metrics selectors, tenants, trace services)
 * may select (see `ScopePolicy`).
 */
import { Config } from '@backstage/config';
import { ScopePolicy } from '@lookout/plugin-observability-common';

function stringMap(config: Config | undefined): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const key of config?.keys() ?? []) {
    out[key] = config!.getStringArray(key);
  }
  return out;
}

/** `observability.scope`, or undefined when not configured. @public */
export function readScopePolicy(
  observability: Config | undefined,
): ScopePolicy | undefined {
  const scope = observability?.getOptionalConfig('scope');
  if (!scope) {
    return undefined;
  }
  const namespaces = scope.getOptionalConfig('namespaces');
  const allow = scope.getOptionalConfig('allow');
  const kinds = scope.getOptionalStringArray('kinds');
  return {
    ...(kinds && { kinds: kinds.map(k => k.toLocaleLowerCase('en-US')) }),
    ...(namespaces && {
      namespaces: Object.fromEntries(
        namespaces.keys().map(ns => {
          const local = namespaces.getConfig(ns);
          const logsSelector = local.getOptionalString('logsSelector');
          const logsTenant = local.getOptionalString('logsTenant');
          // `false`: search traces by service name only.
          const tracesNamespace =
            local.getOptional('tracesNamespace') === false
              ? ''
              : local.getOptionalString('tracesNamespace');
          return [
            ns,
            {
              ...(logsSelector !== undefined && { logsSelector }),
              ...(logsTenant !== undefined && { logsTenant }),
              ...(tracesNamespace !== undefined && { tracesNamespace }),
            },
          ];
        }),
      ),
    }),
    ...(allow && {
      allow: {
        ...(allow.has('logLabels') && {
          logLabels: stringMap(allow.getConfig('logLabels')),
        }),
        ...(allow.has('metricLabels') && {
          metricLabels: stringMap(allow.getConfig('metricLabels')),
        }),
        ...(allow.has('tenants') && {
          tenants: allow.getStringArray('tenants'),
        }),
        ...(allow.has('traceServices') && {
          traceServices: allow.getStringArray('traceServices'),
        }),
      },
    }),
  };
}
