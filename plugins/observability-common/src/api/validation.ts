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
   * The catalog entity they are set on (`kind:namespace/name`), read with the caller's
   * credentials; its other annotations, name and owner take part in the checks. Without it, an
   * entity `component:default/unnamed` with nothing else.
   */
  entityRef?: string;
}

/** Response of `POST /validate`: every problem, in the `config` route's shape. @public */
export interface ValidateAnnotationsResponse {
  problems: ObservabilityProblem[];
}
