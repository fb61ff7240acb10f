/*
 * The window and the objective of an `openslo/v1` SLO: one rolling `timeWindow`, one objective
 * with `target` or `targetPercent`; timeslices, thresholds and composite objectives refused.
 */
import { isPlainMap } from '../validation/describeValue';
import { problemMessages } from '../validation/problemMessages';
import { parseSloWindow } from '../slo/window';
import { parseObjective } from '../slo/objective';
import { OPENSLO_V1_FIELDS as FIELDS } from './openSloFields';
import { OpenSloPath, OpenSloProblems } from './openSloProblems';
import { OPENSLO_REFUSALS as REFUSED } from './openSloRefusals';
import { OpenSloObjective, readOpenSloTarget } from './openSloReaders';

const PLACES = FIELDS.placements;

/** The window of `spec.timeWindow`, or undefined when absent or wrong (reported). @internal */
export function readTimeWindow(
  value: unknown,
  path: OpenSloPath,
  problems: OpenSloProblems,
): string | undefined {
  if (value === undefined) {
    return undefined;
  }
  if (!Array.isArray(value) || value.length !== 1 || !isPlainMap(value[0])) {
    problems.error(
      path,
      problemMessages.foundExpected(
        value,
        'expected a list of one window, e.g. [{ duration: 28d, isRolling: true }]',
      ),
    );
    return undefined;
  }
  const window = value[0];
  const windowPath = [...path, 0];
  problems.checkFields(window, windowPath, FIELDS.timeWindow, PLACES);
  if (window.calendar !== undefined || window.isRolling === false) {
    problems.error(windowPath, REFUSED.calendar);
    return undefined;
  }
  if (window.isRolling !== undefined && window.isRolling !== true) {
    problems.error(
      [...windowPath, 'isRolling'],
      problemMessages.foundExpected(window.isRolling, 'expected true'),
    );
  }
  const duration = parseSloWindow(window.duration);
  if (!duration.ok) {
    problems.error([...windowPath, 'duration'], duration.message);
    return undefined;
  }
  return duration.value;
}

/** The one objective of `spec.objectives` in percent. @internal */
export function readObjectives(
  value: unknown,
  specPath: OpenSloPath,
  problems: OpenSloProblems,
): OpenSloObjective | undefined {
  const path = [...specPath, 'objectives'];
  if (!Array.isArray(value) || value.length === 0) {
    problems.error(
      path,
      problemMessages.foundExpected(
        value,
        'expected a list with one objective, e.g. [{ target: 0.995 }]',
      ),
    );
    return undefined;
  }
  if (value.length > 1) {
    problems.error(path, REFUSED.severalObjectives(value.length));
    return undefined;
  }
  const objectivePath = [...path, 0];
  const objective = value[0];
  if (!isPlainMap(objective)) {
    problems.error(
      objectivePath,
      problemMessages.foundExpected(
        objective,
        'expected an objective with target, e.g. { target: 0.995 }',
      ),
    );
    return undefined;
  }
  problems.checkFields(objective, objectivePath, FIELDS.objective, PLACES);
  for (const field of ['op', 'value']) {
    if (objective[field] !== undefined) {
      problems.error([...objectivePath, field], REFUSED.thresholdObjective);
    }
  }
  for (const field of ['timeSliceTarget', 'timeSliceWindow']) {
    if (objective[field] !== undefined) {
      problems.error([...objectivePath, field], REFUSED.timeslices);
    }
  }
  for (const field of ['indicator', 'indicatorRef', 'compositeWeight']) {
    if (objective[field] !== undefined) {
      problems.error([...objectivePath, field], REFUSED.composite);
    }
  }
  const { target, targetPercent } = objective;
  if (target !== undefined && targetPercent !== undefined) {
    problems.error(
      objectivePath,
      'has both target and targetPercent; give one',
    );
    return undefined;
  }
  if (target !== undefined) {
    return readOpenSloTarget(
      target,
      [...objectivePath, 'target'],
      problems,
      'targetPercent',
    );
  }
  if (targetPercent !== undefined) {
    return readTargetPercent(
      targetPercent,
      [...objectivePath, 'targetPercent'],
      problems,
    );
  }
  problems.error(
    objectivePath,
    'has no target; expected target (a fraction, e.g. 0.995) or targetPercent (e.g. 99.5)',
  );
  return undefined;
}

function readTargetPercent(
  value: unknown,
  path: OpenSloPath,
  problems: OpenSloProblems,
): OpenSloObjective | undefined {
  const percent = parseObjective(value);
  if (!percent.ok) {
    problems.error(path, percent.message);
    return undefined;
  }
  return { value: percent.value, path };
}
