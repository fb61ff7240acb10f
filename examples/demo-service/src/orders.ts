/*
 * The demo service's business metrics, the way a service owner adds a custom exporter next to the
 * HTTP metrics: every order placed counts in `shop_orders_total{country}` and its amount in
 * `shop_revenue_euros_total{country}` (OpenTelemetry counters, exposed by the Prometheus
 * exporter). The demo catalog charts them as custom panels (`lookout.dev/panels`).
 */
import { metrics } from '@opentelemetry/api';

/** An order as `POST /api/orders` takes it. */
export interface Order {
  /** ISO 3166 alpha-2 country code, e.g. `DE`. */
  country: string;
  /** Amount in euros, more than 0. */
  amountEuros: number;
}

/** Reads an order from a request body, or throws naming the field. */
export function parseOrder(text: string): Order {
  const input = JSON.parse(text || '{}') as Partial<Order>;
  if (typeof input.country !== 'string' || !/^[A-Z]{2}$/.test(input.country)) {
    throw new Error('country must be a two-letter country code such as DE');
  }
  if (
    typeof input.amountEuros !== 'number' ||
    !Number.isFinite(input.amountEuros) ||
    input.amountEuros <= 0 ||
    input.amountEuros > 1_000_000
  ) {
    throw new Error(
      'amountEuros must be a number of euros between 0 and 1000000',
    );
  }
  return { country: input.country, amountEuros: input.amountEuros };
}

/** Counts orders and revenue; instruments are created on first use (after the SDK started). */
export class OrderMetrics {
  #orders?: ReturnType<ReturnType<typeof metrics.getMeter>['createCounter']>;
  #revenue?: ReturnType<ReturnType<typeof metrics.getMeter>['createCounter']>;

  record(order: Order): void {
    const meter = metrics.getMeter('demo-service-shop');
    this.#orders ??= meter.createCounter('shop_orders', {
      description: 'Orders placed',
    });
    this.#revenue ??= meter.createCounter('shop_revenue_euros', {
      description: 'Revenue of the orders placed, in euros',
    });
    this.#orders.add(1, { country: order.country });
    this.#revenue.add(order.amountEuros, { country: order.country });
  }
}
