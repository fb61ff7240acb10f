/*
 * Runs the demo service: PORT (default 8080) for the API, METRICS_PORT (default 9464) for
 * Prometheus, OTEL_EXPORTER_OTLP_TRACES_ENDPOINT for traces.
 */
import { startTelemetry } from './telemetry';

const port = Number(process.env.PORT ?? 8080);
const metricsPort = Number(process.env.METRICS_PORT ?? 9464);
const shutdown = startTelemetry({
  serviceName: process.env.OTEL_SERVICE_NAME ?? 'demo-service',
  metricsPort,
  otlpTracesUrl: process.env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT,
});

// Loaded after the SDK started, so the HTTP instrumentation wraps node:http.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { createDemoServer } = require('./server') as typeof import('./server');

const server = createDemoServer(line => process.stdout.write(`${line}\n`));
server.listen(port, '127.0.0.1', () => {
  process.stdout.write(
    `${JSON.stringify({
      level: 'info',
      msg: 'demo-service listening',
      port,
      metricsPort,
    })}\n`,
  );
});

const stop = () => {
  server.close();
  server.closeAllConnections();
  // Flush telemetry, but never hang on an unreachable collector.
  const deadline = new Promise(r => setTimeout(r, 2000).unref());
  Promise.race([shutdown(), deadline]).finally(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
