/*
 * The error-budget policy of an entity's deploys (`lookout.dev/deploy-freeze-budget`,
 * `lookout.dev/deploy-exempt`) and the gate it implies: parsing and the decision, pure, so the
 * backend's route, the CLI's output and the docs read one rule.
 */
import { describeValue } from '../validation/describeValue';
import { Parsed, invalid, valid } from '../validation/result';

/** An entity's deploy policy. @public */
export interface DeployPolicy {
  /**
   * Deploys are frozen while any SLO has this share of its error budget left, or less
   * (fraction; 0 = frozen once the budget is exhausted).
   */
  freezeBudget: number;
  /** Release kinds that may deploy during a freeze, e.g. `fix`. */
  exempt: string[];
}

/** The policy of an entity without deploy annotations. @public */
export const DEFAULT_DEPLOY_POLICY: DeployPolicy = {
  freezeBudget: 0,
  exempt: [],
};

const KIND_PATTERN = /^[a-z0-9]([a-z0-9-]{0,30}[a-z0-9])?$/;

/** A release kind: lowercase letters, digits and dashes, at most 32 characters. @public */
export function parseReleaseKind(text: string): Parsed<string> {
  return KIND_PATTERN.test(text)
    ? valid(text)
    : invalid(
        `found ${describeValue(
          text,
        )}; expected a release kind of lowercase letters, digits and dashes (at most 32), e.g. fix`,
      );
}

/** `lookout.dev/deploy-freeze-budget`: percent of budget left, from 0 up to (not including) 100, to a fraction. @public */
export function parseDeployFreezeBudget(text: string): Parsed<number> {
  const expected =
    'expected the percent of error budget left at or below which deploys are frozen, 0 to below 100, e.g. "10" (default "0": frozen once the budget is exhausted)';
  if (!/^(\d+(\.\d*)?|\.\d+)$/.test(text)) {
    return invalid(`found ${describeValue(text)}; ${expected}`);
  }
  const share = Number(text);
  if (share >= 100) {
    return invalid(
      `${describeValue(
        text,
      )} would freeze every deploy, even with the whole budget left; ${expected}`,
    );
  }
  return valid(share / 100);
}

/** `lookout.dev/deploy-exempt`: comma-separated release kinds. @public */
export function parseDeployExempt(text: string): Parsed<string[]> {
  const kinds = text
    .split(',')
    .map(kind => kind.trim())
    .filter(kind => kind !== '');
  if (kinds.length === 0) {
    return invalid(
      'is empty; expected comma-separated release kinds that may deploy during a freeze, e.g. "fix, security"',
    );
  }
  for (const kind of kinds) {
    const parsed = parseReleaseKind(kind);
    if (!parsed.ok) {
      return invalid(parsed.message);
    }
  }
  return valid([...new Set(kinds)]);
}

/** The budget left of one SLO now, as the gate sees it. @public */
export interface GateSloBudget {
  slo: string;
  /** Fraction of the error budget left; null without data. */
  errorBudgetRemaining: number | null;
}

/** The gate's decision. @public */
export interface DeployGateDecision {
  allowed: boolean;
  reasons: string[];
}

function percent(fraction: number): string {
  return `${Number((fraction * 100).toFixed(2))}%`;
}

/**
 * Whether a deploy (of `kind`, if given) is allowed: frozen while any SLO has `freezeBudget` of
 * its budget left or less, unless the kind is exempt. SLOs without data never freeze; they are
 * named in the reasons.
 * @public
 */
export function decideDeployGate(
  policy: DeployPolicy,
  budgets: GateSloBudget[],
  kind?: string,
): DeployGateDecision {
  const threshold =
    policy.freezeBudget === 0
      ? 'exhausted'
      : `at or below the freeze threshold of ${percent(policy.freezeBudget)}`;
  const freezing: string[] = [];
  const notes: string[] = [];
  for (const { slo, errorBudgetRemaining } of budgets) {
    if (errorBudgetRemaining === null) {
      notes.push(`SLO ${slo}: no error budget data yet; not counted`);
    } else if (errorBudgetRemaining <= policy.freezeBudget) {
      freezing.push(
        `SLO ${slo}: ${percent(
          errorBudgetRemaining,
        )} of the error budget left, ${threshold}`,
      );
    }
  }
  if (freezing.length === 0) {
    const summary =
      budgets.length === 0
        ? 'no SLOs: nothing to freeze deploys on'
        : `no SLO has its error budget ${threshold}`;
    return { allowed: true, reasons: [summary, ...notes] };
  }
  if (kind !== undefined && policy.exempt.includes(kind)) {
    return {
      allowed: true,
      reasons: [
        `release kind ${kind} is exempt from the freeze (lookout.dev/deploy-exempt)`,
        ...freezing,
        ...notes,
      ],
    };
  }
  return { allowed: false, reasons: [...freezing, ...notes] };
}
