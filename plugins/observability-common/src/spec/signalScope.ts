/*
 * What logs and traces an entity may see (its "signal scope"), and which labels its
 * `lookout.dev/metrics-selector` may name, read from its annotations under the platform's policy
 * (`observability.scope`, `ParseOptions.scope`):
 *
 * - Defaults include the namespace: an entity without `logs-selector` gets the configured
 *   template, by default `{service_namespace="{{serviceNamespace}}", service_name="{{name}}"}`
 *   (`{{serviceNamespace}}` is the entity's namespace, empty for `default`, so that
 *   `service_namespace=""` selects the streams without one); traces are searched for the
 *   service name and, outside the `default` namespace, `resource.service.namespace`. A namespace
 *   can have defaults of its own.
 * - Only the kinds that run code get default logs and traces (`scope.kinds`, by default
 *   Component and Resource); any kind may still name its logs or traces in annotations.
 * - What annotations may select is checked against an allow-list: a logs selector needs an
 *   equality matcher (`{namespace=~".+"}` selects everything), and, when configured, equality
 *   matchers on the listed labels with allowed values; tenants and trace services must match
 *   the listed patterns. A metrics selector (equalities only) must likewise match the labels of
 *   `allow.metricLabels` that it uses with allowed values, and use one of them. A selection
 *   outside the policy is an error on the annotation and the default applies instead.
 */
import { DEFAULT_NAMESPACE } from '@backstage/catalog-model';
import {
  ANNOTATION_LOGS_SELECTOR,
  ANNOTATION_LOGS_TENANT,
  ANNOTATION_TRACES_SERVICE,
} from '../annotations/annotations';
import { parseLogStreamSelector } from '../logql/streamSelector';
import { parseLokiTenant } from '../logql/lokiTenant';
import { quotePromqlString } from '../promql/stringLiteral';
import {
  LabelMatcher,
  ObservabilitySpec,
  ParseOptions,
  ScopePolicy,
} from './types';
import { Parsed, invalid, valid } from '../validation/result';
import { EntityIdentity } from './entityIdentity';

/** Default of `ParseOptions.defaultLogsSelector`. @public */
export const DEFAULT_LOGS_SELECTOR =
  '{service_namespace="{{serviceNamespace}}", service_name="{{name}}"}';

/** Kinds that get default logs and traces unless configured otherwise. @public */
export const DEFAULT_SIGNAL_KINDS: readonly string[] = [
  'component',
  'resource',
];

/** What the scope reader needs from the annotation reader. @internal */
export interface ScopeAnnotations {
  read<T>(
    annotation: string,
    parse: (text: string) => Parsed<T>,
  ): T | undefined;
}

interface TemplateValues {
  name: string;
  namespace: string;
  serviceNamespace: string;
  kind: string;
}

function templateValues(identity: EntityIdentity): TemplateValues {
  return {
    name: identity.name,
    namespace: identity.namespace,
    serviceNamespace:
      identity.namespace === DEFAULT_NAMESPACE ? '' : identity.namespace,
    kind: identity.kind.toLocaleLowerCase('en-US'),
  };
}

/** `template` with `{{name}}`, `{{namespace}}`, `{{serviceNamespace}}` and `{{kind}}` filled in. */
function fill(
  template: string,
  values: TemplateValues,
  escape: (value: string) => string = v => v,
): string {
  return template.replace(
    /\{\{\s*(name|namespace|serviceNamespace|kind)\s*\}\}/g,
    (_, key: keyof TemplateValues) => escape(values[key]),
  );
}

const escapeLogql = (value: string) => quotePromqlString(value).slice(1, -1);

/** Whether `value` matches one of the patterns (`*` any run of characters, templates filled). */
function allowedBy(
  patterns: readonly string[],
  value: string,
  values: TemplateValues,
): boolean {
  return patterns.some(pattern => {
    const source = fill(pattern, values)
      .split('*')
      .map(part => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*');
    return new RegExp(`^${source}$`).test(value);
  });
}

/**
 * Why `matchers` fall outside `labels` (`observability.scope.allow.<key>`): every listed label they
 * use must be matched with `=` to an allowed value, and they must use one.
 */
function checkAllowedLabels(
  matchers: readonly LabelMatcher[],
  labels: Record<string, string[]> | undefined,
  key: 'logLabels' | 'metricLabels',
  values: TemplateValues,
): string | undefined {
  if (!labels) {
    return undefined;
  }
  const listed = Object.keys(labels);
  for (const m of matchers.filter(x => listed.includes(x.name))) {
    if (m.op !== '=' || !allowedBy(labels[m.name], m.value, values)) {
      return `may not select ${m.name}${m.op}"${
        m.value
      }": the platform allows ${m.name}="${labels[m.name]
        .map(p => fill(p, values))
        .join('" or "')}" (observability.scope.allow.${key})`;
    }
  }
  if (!matchers.some(m => listed.includes(m.name))) {
    return `must select one of the labels ${listed.join(
      ', ',
    )} with = (observability.scope.allow.${key})`;
  }
  return undefined;
}

function checkSelector(
  matchers: LabelMatcher[],
  policy: ScopePolicy | undefined,
  values: TemplateValues,
): string | undefined {
  if (!matchers.some(m => m.op === '=' && m.value !== '')) {
    return 'selects streams by regular expressions or exclusions only, which can reach any stream; name at least one label with =, e.g. {app="checkout"}';
  }
  return checkAllowedLabels(
    matchers,
    policy?.allow?.logLabels,
    'logLabels',
    values,
  );
}

/**
 * Why the matchers of `lookout.dev/metrics-selector` fall outside the platform's
 * `observability.scope.allow.metricLabels`, or undefined when they are inside (or none is set).
 * @internal
 */
export function checkMetricsSelector(
  matchers: readonly LabelMatcher[],
  identity: EntityIdentity,
  policy: ScopePolicy | undefined,
): string | undefined {
  return checkAllowedLabels(
    matchers,
    policy?.allow?.metricLabels,
    'metricLabels',
    templateValues(identity),
  );
}

/** The entity's logs and traces scope, or none for a kind without defaults and annotations. @internal */
export function readSignalScope(
  reader: ScopeAnnotations,
  identity: EntityIdentity,
  options: ParseOptions,
): Pick<ObservabilitySpec, 'logs' | 'traces'> {
  const policy = options.scope;
  const values = templateValues(identity);
  const kinds = policy?.kinds ?? DEFAULT_SIGNAL_KINDS;
  const hasDefaults = kinds.includes(values.kind);
  const local = policy?.namespaces?.[identity.namespace];

  const selector = reader.read(ANNOTATION_LOGS_SELECTOR, text => {
    const parsed = parseLogStreamSelector(text);
    if (!parsed.ok) return invalid(parsed.message);
    const problem = checkSelector(parsed.value, policy, values);
    return problem ? invalid(`${text} ${problem}`) : valid(text);
  });
  const defaultTenant = local?.logsTenant ?? options.defaultLogsTenant;
  const tenant = reader.read(ANNOTATION_LOGS_TENANT, text => {
    // The example is one the tenant policy allows by default: the entity's namespace.
    const parsed = parseLokiTenant(text, values.namespace);
    if (!parsed.ok) return parsed;
    const allowed = policy?.allow?.tenants ?? [
      '{{namespace}}',
      ...(defaultTenant ? [defaultTenant] : []),
    ];
    return allowedBy(allowed, text, values)
      ? parsed
      : invalid(
          `tenant "${text}" is not allowed for this entity; allowed: ${[
            ...new Set(allowed.map(p => fill(p, values))),
          ].join(', ')} (observability.scope.allow.tenants)`,
        );
  });
  const serviceName = reader.read(ANNOTATION_TRACES_SERVICE, text => {
    if (text === '') {
      return invalid(
        'is empty; expected the service.name of the service’s spans, e.g. checkout',
      );
    }
    const allowed = policy?.allow?.traceServices;
    return !allowed || allowedBy(allowed, text, values)
      ? valid(text)
      : invalid(
          `service "${text}" is not allowed for this entity; allowed: ${allowed
            .map(p => fill(p, values))
            .join(', ')} (observability.scope.allow.traceServices)`,
        );
  });

  const logsSelector =
    selector ??
    (hasDefaults
      ? fill(
          local?.logsSelector ??
            options.defaultLogsSelector ??
            DEFAULT_LOGS_SELECTOR,
          values,
          escapeLogql,
        )
      : undefined);
  const logsTenant = tenant ?? defaultTenant;
  const serviceNamespace = fill(
    local?.tracesNamespace ?? '{{serviceNamespace}}',
    values,
  );
  const traceService = serviceName ?? (hasDefaults ? values.name : undefined);
  return {
    ...(logsSelector !== undefined && {
      logs: {
        selector: logsSelector,
        ...(logsTenant !== undefined && { tenant: logsTenant }),
      },
    }),
    ...(traceService !== undefined && {
      traces: {
        serviceName: traceService,
        ...(serviceNamespace !== '' && { serviceNamespace }),
      },
    }),
  };
}
