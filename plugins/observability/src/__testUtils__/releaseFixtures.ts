/*
 * Documented response shapes of the release routes (DESIGN §10), for the msw handlers.
 */
import {
  DeployGateResponse,
  EntityReleasesResponse,
  ReleaseImpactFigures,
  ReleaseImpactSpan,
  ReleaseSloImpact,
} from '@lookout/plugin-observability-common';
import { NOW } from './fixtures';

/** Error ratio and budget spent over a span, in that order. */
type Figures = [errorRatio: number, budgetConsumed: number];

function figures([errorRatio, budgetConsumed]: Figures): ReleaseImpactFigures {
  return { errorRatio, budgetConsumed };
}

/** A span around a release: figures before it and after it (null: not passed yet). */
function impactSpan(
  span: string,
  before: Figures,
  after: Figures | null,
): ReleaseImpactSpan {
  return {
    span,
    before: figures(before),
    after: after && figures(after),
  };
}

/** A release's impact on checkout's availability SLO (99.9 % over 30 days). */
function availabilityImpact(...spans: ReleaseImpactSpan[]): ReleaseSloImpact[] {
  return [{ slo: 'availability', objective: 0.999, window: '30d', spans }];
}

export const releasesResponse: EntityReleasesResponse = {
  items: [
    {
      id: '6c1f0f3e-0d6e-4b8e-9a55-1d9e4f1b2c3d',
      entityRef: 'component:default/checkout',
      version: 'v1.4.2',
      at: NOW - 90 * 60_000,
      url: 'https://ci.example.com/runs/42',
      description: 'new payment flow',
      createdBy: 'external:ci',
      impact: availabilityImpact(
        impactSpan('1h', [0.0003, 0.0004166], [0.012, 0.016666]),
        impactSpan('1d', [0.0003, 0.01], null),
      ),
    },
    {
      id: '0a9b8c7d-6e5f-4a3b-2c1d-0e9f8a7b6c5d',
      entityRef: 'component:default/checkout',
      version: 'v1.4.1',
      at: NOW - 5 * 86_400_000,
      createdBy: 'user:default/jane',
      kind: 'fix',
      impact: availabilityImpact(
        impactSpan('1h', [0.0004, 0.00055], [0.0003, 0.0004166]),
        impactSpan('1d', [0.0004, 0.0133], [0.0003, 0.01]),
      ),
    },
  ],
};

export const frozenGateResponse: DeployGateResponse = {
  entityRef: 'component:default/checkout',
  allowed: false,
  reasons: ['SLO availability: -12% of the error budget left, exhausted'],
};
