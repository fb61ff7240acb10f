/*
 * OpenTelemetry set-up, the way a service owner sets it up: traces over OTLP/HTTP, metrics exposed
 * for Prometheus (the HTTP server semantic conventions give
 * `http_server_request_duration_seconds{http_response_status_code,...}`, which Lookout's presets
 * read), automatic HTTP instrumentation.
 */
import { PrometheusExporter } from '@opentelemetry/exporter-prometheus';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { NodeSDK } from '@opentelemetry/sdk-node';

/** Where telemetry goes. */
export interface TelemetryOptions {
  serviceName: string;
  /** Port of the Prometheus metrics endpoint (`/metrics`). */
  metricsPort: number;
  /** OTLP/HTTP traces endpoint; traces are not exported without it. */
  otlpTracesUrl?: string;
}

/** Starts the SDK; returns its shutdown. Call before the HTTP server module is used. */
export function startTelemetry(options: TelemetryOptions): () => Promise<void> {
  const sdk = new NodeSDK({
    serviceName: options.serviceName,
    metricReaders: [
      new PrometheusExporter({ port: options.metricsPort, host: '127.0.0.1' }),
    ],
    traceExporter: options.otlpTracesUrl
      ? new OTLPTraceExporter({ url: options.otlpTracesUrl })
      : undefined,
    // This exporter version no longer appends the unit to metric names; name the histogram as
    // Prometheus' OpenTelemetry translation (and Lookout's presets) expect.
    views: [
      {
        instrumentName: 'http.server.request.duration',
        name: 'http_server_request_duration_seconds',
      },
    ],
    instrumentations: [new HttpInstrumentation()],
  });
  sdk.start();
  return () => sdk.shutdown();
}
