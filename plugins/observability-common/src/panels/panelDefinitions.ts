/*
 * `lookout.dev/panels`: a YAML list of custom PromQL panels (`title`, `query`, optional `unit`,
 * `kind`, `legend`), validated with zod and lezer-promql. A query that could read another
 * entity's series is an error on `[i].query` unless the platform allows unscoped panels; an
 * entry with an error is left out, the others are kept.
 */
import { ANNOTATION_PANELS } from '../annotations/annotations';
import { parsePromqlExpression } from '../promql/promqlTree';
import {
  LabelMatcher,
  ObservabilityProblem,
  PANEL_KINDS,
  PANEL_UNITS,
  PanelKind,
  PanelSpec,
  PanelUnit,
} from '../spec/types';
import { describeValue, isPlainMap } from '../validation/describeValue';
import { Parsed, invalid, valid } from '../validation/result';
import {
  AnnotationProblems,
  readAnnotationList,
} from '../validation/annotationProblems';
import {
  optionalField,
  requiredField,
  strictMap,
} from '../validation/zodFields';
import { checkPanelQueryScope } from './panelQueryScope';

/** Most panels an entity may declare (each costs one upstream query per view). @public */
export const MAX_PANELS = 20;

const PANEL_EXAMPLE =
  '- title: Orders per second\n  query: sum(rate(shop_orders_total{backstage_entity="component:default/checkout"}[5m]))\n  unit: ops';

function parseTitle(value: unknown): Parsed<string> {
  if (typeof value !== 'string' || value.trim() === '') {
    return invalid(
      `found ${describeValue(value)}; expected a title, e.g. Orders per second`,
    );
  }
  return value.length > 200
    ? invalid('is longer than 200 characters')
    : valid(value.trim());
}

function parseQuery(value: unknown): Parsed<string> {
  if (typeof value !== 'string') {
    return invalid(
      `found ${describeValue(
        value,
      )}; expected a PromQL query, e.g. sum(rate(shop_orders_total{backstage_entity="component:default/checkout"}[5m]))`,
    );
  }
  const parsed = parsePromqlExpression(value.trim());
  return parsed.ok
    ? valid(value.trim())
    : invalid(`${describeValue(value)} ${parsed.message}`);
}

function oneOf<T extends string>(
  allowed: readonly T[],
): (value: unknown) => Parsed<T> {
  return value =>
    typeof value === 'string' && (allowed as readonly string[]).includes(value)
      ? valid(value as T)
      : invalid(
          `found ${describeValue(value)}; expected one of ${allowed.join(
            ', ',
          )}`,
        );
}

function parseLegend(value: unknown): Parsed<string> {
  return typeof value === 'string'
    ? valid(value)
    : invalid(
        `found ${describeValue(
          value,
        )}; expected a legend template, e.g. "{{route}}"`,
      );
}

const panelSchema = strictMap(
  {
    title: requiredField(parseTitle, 'a title, e.g. Orders per second'),
    query: requiredField(parseQuery, 'a PromQL query'),
    unit: optionalField(oneOf<PanelUnit>(PANEL_UNITS)),
    kind: optionalField(oneOf<PanelKind>(PANEL_KINDS)),
    legend: optionalField(parseLegend),
  },
  'a panel (a map with title and query)',
);

/** The fields of a panel definition. @public */
export const PANEL_FIELDS: readonly string[] = Object.keys(panelSchema.shape);

/** What `parsePanelDefinitions` needs to know about the entity and the platform. @public */
export interface PanelDefinitionsContext {
  entityRef: string;
  /**
   * The entity's `lookout.dev/metrics-selector`: queries are confined to these matchers instead
   * of `backstage_entity`.
   */
  selector?: readonly LabelMatcher[];
  /** Skip the scope check (`observability.panels.allowUnscoped`). */
  allowUnscoped?: boolean;
}

/**
 * Parses the value of `lookout.dev/panels`: the valid panels and every problem, with paths
 * relative to the list (`[1].query`).
 * @public
 */
export function parsePanelDefinitions(
  text: string,
  context: PanelDefinitionsContext,
): { panels: PanelSpec[]; problems: ObservabilityProblem[] } {
  const problems = new AnnotationProblems(ANNOTATION_PANELS);
  const list = readAnnotationList(
    text,
    `expected a YAML list of panels, e.g.\n${PANEL_EXAMPLE}`,
    problems,
  );
  if (list.length > MAX_PANELS) {
    problems.error(
      [],
      `declares ${list.length} panels; at most ${MAX_PANELS} are allowed, the first ${MAX_PANELS} are kept`,
    );
  }
  const panels: PanelSpec[] = [];
  list.slice(0, MAX_PANELS).forEach((entry, index) => {
    if (!isPlainMap(entry)) {
      problems.error(
        [index],
        `found ${describeValue(
          entry,
        )}; expected a panel (a map with title and query), e.g.\n${PANEL_EXAMPLE}`,
      );
      return;
    }
    const result = panelSchema.safeParse(entry);
    if (!result.success) {
      problems.zodIssues(result.error.issues, [index], () => PANEL_FIELDS);
      return;
    }
    const { title, query, unit, kind, legend } = result.data;
    if (!context.allowUnscoped) {
      const scope = checkPanelQueryScope(
        query,
        context.entityRef,
        context.selector,
      );
      if (!scope.ok) {
        problems.error(
          [index, 'query'],
          `panel ${index} (${JSON.stringify(
            title,
          )}) could read another entity's series: ${scope.message}`,
        );
        return;
      }
    }
    panels.push({
      title,
      query,
      unit: unit ?? 'short',
      kind: kind ?? 'line',
      ...(legend !== undefined && { legend }),
      source: ANNOTATION_PANELS,
    });
  });
  return { panels, problems: problems.items };
}
