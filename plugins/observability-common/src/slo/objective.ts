/*
 * SLO objectives in percent (0 < x < 100), as written in `lookout.dev/slos`, the presets and
 * (converted from fractions) OpenSLO.
 */
import { Parsed, invalid, valid } from '../validation/result';
import { describeValue } from '../validation/describeValue';
import { problemMessages, readNumberText } from '../validation/problemMessages';

const EXPECTED = 'expected a percentage above 0 and below 100, e.g. 99.9';

/**
 * Validates an objective in percent: a number or a numeric string (`99.9`, `"99.9"`), above 0
 * and below 100.
 * @public
 */
export function parseObjective(value: unknown): Parsed<number> {
  let objective: number;
  if (typeof value === 'number') {
    objective = value;
  } else if (typeof value === 'string') {
    const text = value.trim();
    if (/^\d+(\.\d+)?\s*%$/.test(text)) {
      return invalid(
        `found ${describeValue(
          value,
        )}: expected a number of percent without the % sign, e.g. 99.9`,
      );
    }
    const number = readNumberText(text);
    if (!number.ok) {
      return invalid(problemMessages.badNumber(value, number.fault, EXPECTED));
    }
    objective = number.value;
  } else {
    return invalid(problemMessages.foundExpected(value, EXPECTED));
  }
  return checkObjectiveRange(objective, describeValue(value));
}

/** Range check shared by every way of writing an objective. @internal */
export function checkObjectiveRange(
  objective: number,
  found: string,
): Parsed<number> {
  if (Number.isNaN(objective)) {
    return invalid(`found ${found}; ${EXPECTED}`);
  }
  if (objective === 100) {
    return invalid(
      `100% leaves no error budget: a single failed event would break the SLO; ${EXPECTED}`,
    );
  }
  if (objective < 0) {
    return invalid(`${found} is negative; ${EXPECTED}`);
  }
  if (objective > 100) {
    return invalid(`${found} is too large: above 100; ${EXPECTED}`);
  }
  if (objective === 0) {
    return invalid(`${found} is 0, which lets every event fail; ${EXPECTED}`);
  }
  return valid(objective);
}
