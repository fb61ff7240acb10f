/*
 * The demo batch job: "exports" a random number of rows, then pushes the run's figures to the
 * Pushgateway (PUSHGATEWAY_URL, default http://127.0.0.1:9091) for the catalog entity
 * component:default/nightly-export. `yarn workspace demo-service batch`.
 */
import { pushRun } from './batchJob';

const started = Date.now();
const records = 1000 + Math.floor(Math.random() * 500);
pushRun({
  pushgatewayUrl: process.env.PUSHGATEWAY_URL ?? 'http://127.0.0.1:9091',
  job: 'nightly-export',
  entityRef: 'component:default/nightly-export',
  run: {
    records,
    durationSeconds: (Date.now() - started) / 1000,
    succeededAt: Date.now() / 1000,
  },
}).then(
  () =>
    process.stdout.write(
      `${JSON.stringify({ level: 'info', msg: 'pushed', records })}\n`,
    ),
  error => {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(1);
  },
);
