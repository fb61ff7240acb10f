/*
 * The golden signals of an entity whose series carry no backstage_entity read the series of its
 * lookout.dev/metrics-selector instead, in the discovery and in every query, and only those without
 * backstage_entity (never the series Lookout scrapes, which are other entities').
 */
import { entityWithSlos, specOf } from '../../__testUtils__/specs';
import {
  conventions,
  discoveryQuery,
  entityScope,
  goldenSignalQueries,
} from './goldenSignalQueries';

describe('golden signals scope', () => {
  const labelled = specOf(entityWithSlos('checkout', 1));
  const unlabelled = specOf(
    entityWithSlos('checkout', 1, {
      'lookout.dev/metrics-selector': '{job="checkout", namespace="shop"}',
    }),
  );

  it('discovers the metrics by the selector when the entity has one', () => {
    const candidates = conventions();
    expect(discoveryQuery(entityScope(unlabelled), candidates, '1d')).toMatch(
      /^group by \(__name__\) \(last_over_time\(\{job="checkout", namespace="shop", backstage_entity="", __name__=~"/,
    );
    expect(discoveryQuery(entityScope(labelled), candidates, '1d')).toMatch(
      /^group by \(__name__\) \(last_over_time\(\{backstage_entity="component:default\/checkout", __name__=~"/,
    );
  });

  it('puts the selector and backstage_entity="" on every SLO and convention selector', () => {
    const fromSlo = goldenSignalQueries(
      unlabelled,
      conventions(),
      undefined,
      '60s',
    );
    expect(fromSlo.queries.map(q => q.query)).toEqual([
      'sum(rate(http_requests_total{job="checkout", namespace="shop", backstage_entity=""}[60s]))',
      '(sum(rate(http_requests_total{job="checkout", namespace="shop", backstage_entity="", code=~"5.."}[60s])) or vector(0)) / sum(rate(http_requests_total{job="checkout", namespace="shop", backstage_entity=""}[60s]))',
    ]);
    const noSlo = specOf(
      entityWithSlos('checkout', 0, {
        'lookout.dev/metrics-selector': '{job="checkout"}',
      }),
    );
    const found = goldenSignalQueries(
      noSlo,
      conventions(),
      new Set(['http_requests_total', 'http_request_duration_seconds_bucket']),
      '60s',
    );
    expect(found.queries).toHaveLength(3);
    for (const { query } of found.queries) {
      expect(
        query.match(/\{job="checkout", backstage_entity=""[,}]/g)?.length,
      ).toBe(query.match(/\{/g)?.length);
    }
  });
});
