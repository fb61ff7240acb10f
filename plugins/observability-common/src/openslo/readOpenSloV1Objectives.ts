/*
 * The window and the objective of an `openslo/v1` SLO: one rolling `timeWindow`, one objective
 * with `target` or `targetPercent`; timeslices, thresholds and composite objectives refused.
 */
import { parseSloWindow } from '../slo/window';
import { parseObjective } from '../slo/objective';
import { OPENSLO_V1_FIELDS as FIELDS } from './openSloFields';
import { OpenSloPath, OpenSloProblems } from './openSloProblems';
import { OPENSLO_REFUSALS as REFUSED } from './openSloRefusals';
import {
  OpenSloObjective,
  OpenSloWindowForm,
  readOneOpenSloObjective,
  readOpenSloTarget,
} from './openSloReaders';

/** `spec.timeWindow`: a list of one `duration` such as `28d`. @internal */
export const V1_WINDOW: OpenSloWindowForm = {
  fields: FIELDS,
  example: '[{ duration: 28d, isRolling: true }]',
  length: (window, windowPath, problems) =>
    problems.valueOf(parseSloWindow(window.duration), [
      ...windowPath,
      'duration',
    ]),
};

/** The one objective of `spec.objectives` in percent. @internal */
export function readObjectives(
  value: unknown,
  specPath: OpenSloPath,
  problems: OpenSloProblems,
): OpenSloObjective | undefined {
  const read = readOneOpenSloObjective(value, specPath, problems, FIELDS, {
    list: 'expected a list with one objective, e.g. [{ target: 0.995 }]',
    objective: 'expected an objective with target, e.g. { target: 0.995 }',
  });
  if (!read) {
    return undefined;
  }
  const { objective, objectivePath } = read;
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
    const path = [...objectivePath, 'targetPercent'];
    const percent = problems.valueOf(parseObjective(targetPercent), path);
    return percent === undefined ? undefined : { value: percent, path };
  }
  problems.error(
    objectivePath,
    'has no target; expected target (a fraction, e.g. 0.995) or targetPercent (e.g. 99.5)',
  );
  return undefined;
}
