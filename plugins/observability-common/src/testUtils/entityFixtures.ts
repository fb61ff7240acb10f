/*
 * Catalog entities as the tests write them: a production service Component, `checkout` in the
 * `default` namespace owned by `team-shop` unless the test says otherwise, and a team Group.
 */
import { Entity } from '@backstage/catalog-model';

/**
 * A service Component with `annotations`; `options` replace its name (`checkout`), namespace
 * (`default`), owner (`team-shop`) or lifecycle (`production`).
 * @public
 */
export function componentEntity(
  annotations: Record<string, string> = {},
  options: {
    name?: string;
    namespace?: string;
    owner?: string;
    lifecycle?: string;
  } = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: options.name ?? 'checkout',
      namespace: options.namespace ?? 'default',
      annotations,
    },
    spec: {
      type: 'service',
      owner: options.owner ?? 'team-shop',
      lifecycle: options.lifecycle ?? 'production',
    },
  };
}

/**
 * A team Group in `default` with `annotations` (e.g. its routing annotations), named `team-shop`
 * unless `name` says otherwise.
 * @public
 */
export function groupEntity(
  annotations: Record<string, string> = {},
  name = 'team-shop',
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name, namespace: 'default', annotations },
    spec: { type: 'team', children: [] },
  };
}
