import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

async function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.once('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => res(port));
    });
  });
}

describe('demo-service (real process)', () => {
  let child: ChildProcess;
  let port: number;
  let metricsPort: number;
  let logs = '';

  beforeAll(async () => {
    port = await freePort();
    metricsPort = await freePort();
    child = spawn(
      process.execPath,
      [
        '--require',
        require.resolve('@backstage/cli/config/nodeTransform.cjs'),
        resolve(__dirname, 'main.ts'),
      ],
      {
        env: {
          ...process.env,
          PORT: String(port),
          METRICS_PORT: String(metricsPort),
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    child.stdout!.on('data', d => (logs += d));
    child.stderr!.on('data', d => (logs += d));
    for (let i = 0; i < 100 && !logs.includes('listening'); i++) {
      await new Promise(r => setTimeout(r, 100));
    }
    if (!logs.includes('demo-service listening')) {
      throw new Error(`demo-service did not start:\n${logs}`);
    }
  }, 30_000);

  afterAll(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise(r => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
  });

  it('exposes the HTTP server histogram of the OpenTelemetry conventions, by status code', async () => {
    await fetch(`http://127.0.0.1:${port}/api/items`);
    await fetch(`http://127.0.0.1:${port}/admin/behaviour`, {
      method: 'PUT',
      body: JSON.stringify({ errorRate: 1 }),
    });
    await fetch(`http://127.0.0.1:${port}/api/items`);
    await fetch(`http://127.0.0.1:${port}/admin/behaviour`, {
      method: 'PUT',
      body: JSON.stringify({ errorRate: 0 }),
    });

    const metrics = await (
      await fetch(`http://127.0.0.1:${metricsPort}/metrics`)
    ).text();
    expect(metrics).toMatch(
      /http_server_request_duration_seconds_count\{[^}]*http_response_status_code="500"[^}]*\} 1/,
    );
    expect(metrics).toMatch(
      /http_server_request_duration_seconds_bucket\{[^}]*http_response_status_code="200"[^}]*le="0.25"[^}]*\} \d+/,
    );
  });

  it('logs one JSON line per request carrying the trace id of its span', async () => {
    await fetch(`http://127.0.0.1:${port}/api/items`);
    await new Promise(r => setTimeout(r, 100));
    const line = logs
      .split('\n')
      .filter(l => l.includes('"path":"/api/items"'))
      .map(l => JSON.parse(l))
      .pop();
    expect(line).toMatchObject({ status: 200, level: 'info', method: 'GET' });
    expect(line.trace_id).toMatch(/^[0-9a-f]{32}$/);
  });

  it('counts orders and revenue by country in its business metrics', async () => {
    const order = (body: object) =>
      fetch(`http://127.0.0.1:${port}/api/orders`, {
        method: 'POST',
        body: JSON.stringify(body),
      });
    expect((await order({ country: 'DE', amountEuros: 30 })).status).toBe(201);
    expect((await order({ country: 'DE', amountEuros: 12.5 })).status).toBe(
      201,
    );
    expect((await order({ country: 'FR', amountEuros: 8 })).status).toBe(201);
    const refused = await order({ country: 'Germany', amountEuros: 8 });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toEqual({
      error: 'country must be a two-letter country code such as DE',
    });

    const metrics = await (
      await fetch(`http://127.0.0.1:${metricsPort}/metrics`)
    ).text();
    expect(metrics).toMatch(/^shop_orders_total\{[^}]*country="DE"[^}]*\} 2$/m);
    expect(metrics).toMatch(/^shop_orders_total\{[^}]*country="FR"[^}]*\} 1$/m);
    expect(metrics).toMatch(
      /^shop_revenue_euros_total\{[^}]*country="DE"[^}]*\} 42.5$/m,
    );
  });

  it('rejects a behaviour outside its range, naming the field', async () => {
    const res = await fetch(`http://127.0.0.1:${port}/admin/behaviour`, {
      method: 'PUT',
      body: JSON.stringify({ errorRate: 2 }),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      error: 'errorRate must be a number between 0 and 1',
    });
  });
});
