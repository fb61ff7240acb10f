/*
 * A day of the demo service's business metrics for Prometheus' TSDB, as OpenMetrics for
 * `promtool tsdb create-blocks-from openmetrics`: `shop_orders_total{country}` growing by a fixed
 * number of orders per minute per country (and for three hours after `now`, so the Metrics tab's
 * charts do not move while a test runs), as the demo service's exporter would expose them.
 */

/** Orders per minute, by country, of the demo service. */
export const DEMO_ORDERS_PER_MINUTE: Record<string, number> = { DE: 12, FR: 6 };

/** The entity whose business metrics these are. */
export const DEMO_SERVICE_REF = 'component:default/demo-service';

/** OpenMetrics text of the counters, one sample a minute from a day before `now` (epoch ms). */
export function businessHistoryOpenMetrics(now: number): string {
  const end = Math.floor(now / 60_000) + 3 * 60;
  const start = end - 27 * 60;
  const lines = ['# TYPE shop_orders counter'];
  for (const [country, perMinute] of Object.entries(DEMO_ORDERS_PER_MINUTE)) {
    for (let minute = start; minute <= end; minute++) {
      lines.push(
        `shop_orders_total{backstage_entity="${DEMO_SERVICE_REF}",country="${country}"} ${
          (minute - start) * perMinute
        } ${minute * 60}`,
      );
    }
  }
  lines.push('# EOF', '');
  return lines.join('\n');
}
