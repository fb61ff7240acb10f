/*
 * Documented response shapes of the release routes (DESIGN §10), for the msw handlers.
 */
import {
  DeployGateResponse,
  EntityReleasesResponse,
} from '@lookout/plugin-observability-common';
import { NOW } from './fixtures';

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
      impact: [
        {
          slo: 'availability',
          objective: 0.999,
          window: '30d',
          spans: [
            {
              span: '1h',
              before: { errorRatio: 0.0003, budgetConsumed: 0.0004166 },
              after: { errorRatio: 0.012, budgetConsumed: 0.016666 },
            },
            {
              span: '1d',
              before: { errorRatio: 0.0003, budgetConsumed: 0.01 },
              after: null,
            },
          ],
        },
      ],
    },
    {
      id: '0a9b8c7d-6e5f-4a3b-2c1d-0e9f8a7b6c5d',
      entityRef: 'component:default/checkout',
      version: 'v1.4.1',
      at: NOW - 5 * 86_400_000,
      createdBy: 'user:default/jane',
      kind: 'fix',
      impact: [
        {
          slo: 'availability',
          objective: 0.999,
          window: '30d',
          spans: [
            {
              span: '1h',
              before: { errorRatio: 0.0004, budgetConsumed: 0.00055 },
              after: { errorRatio: 0.0003, budgetConsumed: 0.0004166 },
            },
            {
              span: '1d',
              before: { errorRatio: 0.0004, budgetConsumed: 0.0133 },
              after: { errorRatio: 0.0003, budgetConsumed: 0.01 },
            },
          ],
        },
      ],
    },
  ],
};

export const frozenGateResponse: DeployGateResponse = {
  entityRef: 'component:default/checkout',
  allowed: false,
  reasons: ['SLO availability: -12% of the error budget left, exhausted'],
};
