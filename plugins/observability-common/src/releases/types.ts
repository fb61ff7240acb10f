/*
 * Releases (DESIGN §10): the request and response shapes of `.../releases` and `.../deploy-gate`.
 * Times are epoch milliseconds; ratios and budget shares are fractions.
 */
import { UpstreamWarning } from '../api/types';

/** Body of `POST .../releases`. @public */
export interface ReleaseRequest {
  version: string;
  /** RFC 3339 or epoch ms; default now. */
  at?: string | number;
  url?: string;
  description?: string;
  /** Kind of release, e.g. `fix`; the deploy policy may exempt kinds from a freeze. */
  kind?: string;
}

/** A stored release. @public */
export interface Release {
  id: string;
  entityRef: string;
  version: string;
  /** Epoch ms. */
  at: number;
  url?: string;
  description?: string;
  kind?: string;
  /** Entity ref of the user or service that recorded it. */
  createdBy: string;
}

/** What one span of time (before or after a release) cost one SLO. @public */
export interface ReleaseImpactFigures {
  /** Error ratio over the span; null without traffic or data. */
  errorRatio: number | null;
  /**
   * Share of the SLO window's error budget spent in the span, at the span's error ratio:
   * `errorRatio / (1 − objective) × span / window`. Null without data.
   */
  budgetConsumed: number | null;
}

/** A release's effect on one SLO over one span: before and after. @public */
export interface ReleaseImpactSpan {
  /** Prometheus duration, e.g. `1h`. */
  span: string;
  before: ReleaseImpactFigures;
  /** Null until the span after the release has passed. */
  after: ReleaseImpactFigures | null;
}

/** A release's effect on one SLO. @public */
export interface ReleaseSloImpact {
  slo: string;
  objective: number;
  window: string;
  /** The hour around the release, then the configured longer span. */
  spans: ReleaseImpactSpan[];
}

/** A release with its impact on each SLO of the entity. @public */
export interface ReleaseWithImpact extends Release {
  /** Empty when the entity has no SLOs or Prometheus is not configured. */
  impact: ReleaseSloImpact[];
}

/** `GET .../releases`, newest first. @public */
export interface EntityReleasesResponse {
  items: ReleaseWithImpact[];
  /** Present when the impact could not be read (the releases are listed without it). */
  warnings?: UpstreamWarning[];
}

/** `GET .../deploy-gate`. @public */
export interface DeployGateResponse {
  entityRef: string;
  allowed: boolean;
  /** Why, in sentences: one per SLO that freezes (or would, for an exempt kind), or why it is open. */
  reasons: string[];
}
