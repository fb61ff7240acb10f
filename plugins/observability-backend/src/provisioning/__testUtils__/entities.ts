/*
 * Test support: catalog entities annotated the way service owners annotate theirs.
 */
import { Entity } from '@backstage/catalog-model';

/** A component with the given annotations. */
export function component(
  name: string,
  annotations: Record<string, string>,
  namespace = 'default',
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace, annotations },
    spec: {
      type: 'service',
      lifecycle: 'production',
      owner: 'group:default/team-shop',
    },
  };
}

/** Scraped in Kubernetes, with a preset availability SLO at `objective` percent. */
export function scrapedService(
  name: string,
  objective = '99.9',
  namespace = 'default',
): Entity {
  return component(
    name,
    {
      'backstage.io/kubernetes-id': name,
      'backstage.io/kubernetes-namespace': 'shop',
      'lookout.dev/metrics-port': 'http-metrics',
      'lookout.dev/slo-availability': objective,
    },
    namespace,
  );
}
