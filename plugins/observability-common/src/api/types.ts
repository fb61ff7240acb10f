/*
 * Response types of the observability backend's HTTP API (DESIGN §6), shared with the frontend.
 */
import { ObservabilityProblem, ObservabilitySpec } from '../spec/types';

/** `GET /entities/by-name/:kind/:namespace/:name/config`. @public */
export interface EntityConfigResponse {
  entityRef: string;
  spec: ObservabilitySpec;
  problems: ObservabilityProblem[];
}

/** The error body the backend answers with (Backstage's error handler shape). @public */
export interface ObservabilityErrorBody {
  error: { name: string; message: string; upstream?: string };
}
