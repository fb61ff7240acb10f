/*
 * `POST /api/observability/validate` (DESIGN §10): annotations in, the parser's problems out,
 * before they reach a catalog-info.yaml (the onboarding form validates as the user types).
 */
import { ObservabilityProblem } from '../spec/types';

/** Request body of `POST /validate`. @public */
export interface ValidateAnnotationsRequest {
  /** The entity's annotations, as they would be in `metadata.annotations`. */
  annotations: Record<string, unknown>;
  /**
   * The entity they are meant for (`kind:namespace/name`); its name fills defaults such as the
   * logs selector. Defaults to `component:default/unnamed`.
   */
  entityRef?: string;
}

/** Response of `POST /validate`: every problem, in the `config` route's shape. @public */
export interface ValidateAnnotationsResponse {
  problems: ObservabilityProblem[];
}
