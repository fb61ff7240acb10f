import { Entity } from '@backstage/catalog-model';
import { parseObservabilitySpec } from '../spec/parseObservabilitySpec';
import { DEFAULT_ALERTING_SETTINGS } from './alertingSettings';
import { collectRouting, pagingProblem, RoutedEntity } from './collectRouting';
import { buildRoutingPlan } from './routeTree';

function component(
  name: string,
  owner?: string,
  annotations: Record<string, string> = {},
): RoutedEntity {
  const entity: Entity = {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      annotations: { 'lookout.dev/slo-availability': '99.9', ...annotations },
    },
    spec: { type: 'service', ...(owner ? { owner } : {}) },
  };
  return { entity, spec: parseObservabilitySpec(entity).spec };
}

function group(name: string, annotations: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name, annotations },
    spec: { type: 'team', children: [] },
  };
}

const KEY = '0123456789abcdef0123456789abcdef';
const groups = new Map([
  [
    'group:default/team-shop',
    group('team-shop', { 'pagerduty.com/integration-key': KEY }),
  ],
  [
    'group:default/team-docs',
    group('team-docs', { 'lookout.dev/tickets-email': 'docs@example.com' }),
  ],
]);
const entities = [
  component('checkout', 'team-shop'),
  component('wiki', 'group:default/team-docs'),
  component('lonely', 'team-ghost'),
  component('edge', undefined, { 'pagerduty.com/integration-key': KEY }),
];
const plan = buildRoutingPlan(
  collectRouting(entities, ref => groups.get(ref)),
  DEFAULT_ALERTING_SETTINGS,
);

describe('collectRouting and pagingProblem', () => {
  it("reads each owner's Group once and the Components' own pagers", () => {
    expect(collectRouting(entities, ref => groups.get(ref))).toEqual({
      teams: [
        {
          team: 'team-shop',
          groupRef: 'group:default/team-shop',
          receivers: { pager: { value: KEY }, tickets: [] },
          entityPagers: [],
        },
        {
          team: 'team-docs',
          groupRef: 'group:default/team-docs',
          receivers: { tickets: [{ type: 'email', to: 'docs@example.com' }] },
          entityPagers: [],
        },
        { team: 'team-ghost', receivers: { tickets: [] }, entityPagers: [] },
      ],
      ownerlessPagers: [
        {
          entityRef: 'component:default/edge',
          slug: 'component-default-edge',
          pager: { value: KEY },
        },
      ],
    });
  });

  it('says nothing when a pager takes the pages', () => {
    expect(pagingProblem(plan, entities[0])).toBeUndefined();
    expect(pagingProblem(plan, entities[3])).toBeUndefined();
  });

  it('warns, naming the annotation and the owner, when pages reach no pager', () => {
    expect(pagingProblem(plan, entities[1])).toEqual({
      severity: 'warning',
      annotation: 'pagerduty.com/integration-key',
      path: '',
      message:
        'pages of this entity reach docs@example.com, not a pager: add pagerduty.com/integration-key (or lookout.dev/pager-secret) to its owner group:default/team-docs (or this entity)',
    });
    expect(pagingProblem(plan, entities[2])?.message).toBe(
      'pages of this entity reach the default receiver (unrouted), not a pager: add pagerduty.com/integration-key (or lookout.dev/pager-secret) to its owner group:default/team-ghost (or this entity)',
    );
  });

  it('ignores entities without SLO alerts', () => {
    const entity: Entity = {
      ...component('quiet', 'team-ghost').entity,
      metadata: {
        name: 'quiet',
        annotations: {
          'lookout.dev/slos':
            '- name: a\n  objective: 99\n  alerting: { page: false, ticket: false }\n  ratio: { errors: e_total, total: t_total }',
        },
      },
    };
    const quiet = { entity, spec: parseObservabilitySpec(entity).spec };
    expect(quiet.spec.slos).toHaveLength(1);
    expect(pagingProblem(plan, quiet)).toBeUndefined();
  });
});
