/*
 * How an entity's OpenSLO documents join the SLOs its other annotations define: the one rule the
 * backend's provisioning and the CLI share (DESIGN §5, "one rule, one home").
 */
import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_OPENSLO,
  ANNOTATION_SLO_WINDOW,
} from '../annotations/annotations';
import { DEFAULT_SLO_WINDOW, parseSloWindow } from '../slo/window';
import {
  ObservabilityProblem,
  ObservabilitySpec,
  SloSpec,
} from '../spec/types';
import { parseOpenSloDocuments } from './parseOpenSloDocuments';

/**
 * Parses the text of the documents `lookout.dev/openslo` names and returns the entity's SLOs
 * with theirs added. Documents without a window take the entity's `lookout.dev/slo-window` when
 * it is a valid window (`parseSloWindow`: 7d to 90d in days, weeks or hours), else 30d. An SLO
 * whose name another annotation already defines is reported and left out.
 *
 * @public
 */
export function mergeOpenSloSlos(
  entity: Entity,
  spec: ObservabilitySpec,
  text: string,
): { slos: SloSpec[]; problems: ObservabilityProblem[] } {
  const windowValue = entity.metadata.annotations?.[ANNOTATION_SLO_WINDOW];
  const window =
    windowValue === undefined ? undefined : parseSloWindow(windowValue);
  const parsed = parseOpenSloDocuments(text, {
    entityRef: spec.entityRef,
    defaultWindow: window?.ok ? window.value : DEFAULT_SLO_WINDOW,
  });
  const taken = new Set(spec.slos.map(slo => slo.name));
  const problems = [...parsed.problems];
  const added = parsed.slos.filter(slo => {
    if (taken.has(slo.name)) {
      problems.push({
        severity: 'error',
        annotation: ANNOTATION_OPENSLO,
        path: '',
        message: `SLO "${slo.name}" is already defined by another annotation`,
      });
      return false;
    }
    taken.add(slo.name);
    return true;
  });
  return { slos: [...spec.slos, ...added], problems };
}
