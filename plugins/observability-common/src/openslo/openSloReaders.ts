/*
 * Readers shared by both OpenSLO versions: the SLO's name, description and labels, an objective's
 * target, a Prometheus query of a counter, and the final SLO with its unreachable-tier warnings.
 */
import { RatioIndicator, SloSpec, VectorSelector } from '../spec/types';
import { describeValue, isPlainMap } from '../validation/describeValue';
import { problemMessages } from '../validation/problemMessages';
import { parseSloName } from '../slo/sloName';
import { checkObjectiveRange } from '../slo/objective';
import { parseSloLabelName } from '../slo/sloLabels';
import {
  describeUnreachableTier,
  findUnreachableTiers,
} from '../slo/unreachableTiers';
import { parseCounterQuery } from './counterQuery';
import { OpenSloPath, OpenSloProblems } from './openSloProblems';

/** An objective in percent and where it was written. @internal */
export interface OpenSloObjective {
  value: number;
  path: OpenSloPath;
}

/** The SLO name of `metadata.name`. @internal */
export function readOpenSloName(
  metadata: Record<string, unknown>,
  path: OpenSloPath,
  problems: OpenSloProblems,
): string | undefined {
  const name = parseSloName(metadata.name);
  if (!name.ok) {
    problems.error([...path, 'name'], name.message);
    return undefined;
  }
  return name.value;
}

/** An optional description. @internal */
export function readOpenSloDescription(
  spec: Record<string, unknown>,
  path: OpenSloPath,
  problems: OpenSloProblems,
): string | undefined {
  if (spec.description === undefined || typeof spec.description === 'string') {
    return spec.description;
  }
  problems.error(
    [...path, 'description'],
    problemMessages.foundExpected(spec.description, 'expected text'),
  );
  return undefined;
}

/**
 * `target` of an objective: a fraction above 0 and below 1 (`0.995` for 99.5%), as a number or
 * numeric text; `percentField` names the alternative the version has, if any.
 * @internal
 */
export function readOpenSloTarget(
  target: unknown,
  path: OpenSloPath,
  problems: OpenSloProblems,
  percentField?: string,
): OpenSloObjective | undefined {
  const fraction =
    typeof target === 'string' && /^\d*\.?\d+$/.test(target.trim())
      ? Number(target)
      : target;
  if (typeof fraction !== 'number' || !(fraction > 0 && fraction <= 1)) {
    const alternative = percentField
      ? `, or ${percentField} for a percentage`
      : '';
    problems.error(
      path,
      problemMessages.foundExpected(
        target,
        `expected a fraction above 0 and below 1 (0.995 is 99.5%${alternative}), e.g. 0.995`,
      ),
    );
    return undefined;
  }
  const checked = checkObjectiveRange(
    Number((fraction * 100).toFixed(10)),
    describeValue(target),
  );
  if (!checked.ok) {
    problems.error(path, checked.message);
    return undefined;
  }
  return { value: checked.value, path };
}

/**
 * The counter selector of a Prometheus query; `{{.window}}`-style range placeholders accepted.
 * @internal
 */
export function readOpenSloQuery(
  query: unknown,
  path: OpenSloPath,
  problems: OpenSloProblems,
): VectorSelector | undefined {
  if (typeof query !== 'string') {
    problems.error(
      path,
      problemMessages.foundExpected(
        query,
        'expected a PromQL query of a counter, e.g. sum(rate(http_requests_total{job="checkout"}[5m]))',
      ),
    );
    return undefined;
  }
  const parsed = parseCounterQuery(query.trim());
  if (!parsed.ok) {
    problems.error(path, parsed.message);
    return undefined;
  }
  return parsed.value;
}

/** OpenSLO metadata labels (values a string or a list of strings) as SLO labels. @internal */
export function readOpenSloLabels(
  value: unknown,
  path: OpenSloPath,
  problems: OpenSloProblems,
): Record<string, string> {
  const labels: Record<string, string> = {};
  if (value === undefined) {
    return labels;
  }
  if (!isPlainMap(value)) {
    problems.error(
      path,
      problemMessages.foundExpected(
        value,
        'expected a map of label names to values, e.g. { tier: "1" }',
      ),
    );
    return labels;
  }
  for (const [name, raw] of Object.entries(value)) {
    const labelName = parseSloLabelName(name);
    let text: string | undefined;
    if (typeof raw === 'string') {
      text = raw;
    } else if (
      Array.isArray(raw) &&
      raw.every(item => typeof item === 'string')
    ) {
      text = raw.join(',');
    }
    if (!labelName.ok) {
      problems.warning([...path, name], `label ignored: ${labelName.message}`);
    } else if (text === undefined) {
      problems.warning(
        [...path, name],
        `label ignored: ${problemMessages.foundExpected(
          raw,
          'expected text or a list of text',
        )}`,
      );
    } else {
      labels[name] = text;
    }
  }
  return labels;
}

/** The SLO of source `openslo`, with a warning for each burn-rate tier that can never fire. @internal */
export function openSloSpec(
  parts: {
    name: string;
    description?: string;
    objective: OpenSloObjective;
    window: string;
    indicator: RatioIndicator;
    labels: Record<string, string>;
  },
  problems: OpenSloProblems,
): SloSpec {
  const { name, description, objective, window, indicator, labels } = parts;
  const alerting = { page: true, ticket: true, minEvents: 0 };
  for (const unreachable of findUnreachableTiers(
    objective.value,
    window,
    alerting,
  )) {
    problems.warning(
      objective.path,
      describeUnreachableTier(unreachable, objective.value, window),
    );
  }
  return {
    name,
    ...(description !== undefined && { description }),
    objective: objective.value,
    window,
    indicator,
    alerting,
    labels,
    source: 'openslo',
  };
}
