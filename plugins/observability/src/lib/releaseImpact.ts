/*
 * How the Releases table words a release's impact: "0.10% → 1.00%" per figure, and whether the
 * release made an SLO worse (the error ratio after is more than twice the one before, and above
 * the objective's allowance).
 */
import {
  ReleaseImpactFigures,
  ReleaseImpactSpan,
} from '@lookout/plugin-observability-common';
import { formatPercent } from './format';

/** `before → after` of one figure; `…` while the span after the release has not passed. */
export function formatChange(
  span: ReleaseImpactSpan,
  figure: keyof ReleaseImpactFigures,
): string {
  const before = formatPercent(span.before[figure]);
  const after = span.after ? formatPercent(span.after[figure]) : '…';
  return `${before} → ${after}`;
}

/**
 * Whether the span after the release burnt faster than the budget allows and more than twice
 * as fast as the span before.
 */
export function madeWorse(span: ReleaseImpactSpan, objective: number): boolean {
  const before = span.before.errorRatio;
  const after = span.after?.errorRatio;
  if (after === null || after === undefined) {
    return false;
  }
  return after > 1 - objective && (before === null || after > 2 * before);
}
