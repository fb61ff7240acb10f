import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { pushPath, pushRun } from './batchJob';

describe('batch job push', () => {
  it("groups the run by job and the entity ref, base64url-encoded as Pushgateway's form wants", () => {
    expect(pushPath('nightly-export', 'component:default/nightly-export')).toBe(
      `/metrics/job/nightly-export/backstage_entity@base64/${Buffer.from(
        'component:default/nightly-export',
      ).toString('base64url')}`,
    );
  });

  describe('against a local HTTP server standing in for the Pushgateway', () => {
    let server: Server;
    let received: { method?: string; url?: string; body: string }[];
    let status = 200;

    beforeAll(async () => {
      received = [];
      server = createServer((req, res) => {
        let body = '';
        req.on('data', chunk => (body += chunk));
        req.on('end', () => {
          received.push({ method: req.method, url: req.url, body });
          res.writeHead(status);
          res.end(status === 200 ? '' : 'bad metric');
        });
      });
      await new Promise<void>(r => server.listen(0, '127.0.0.1', r));
    });
    afterAll(() => new Promise(r => server.close(r)));

    const url = () =>
      `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

    it('PUTs the run as gauges in the text format', async () => {
      await pushRun({
        pushgatewayUrl: url(),
        job: 'nightly-export',
        entityRef: 'component:default/nightly-export',
        run: { records: 1234, durationSeconds: 2.5, succeededAt: 1700000000 },
      });
      expect(received[0].method).toBe('PUT');
      expect(received[0].url).toBe(
        pushPath('nightly-export', 'component:default/nightly-export'),
      );
      expect(received[0].body).toContain('batch_records_exported 1234\n');
      expect(received[0].body).toContain(
        'batch_last_success_timestamp_seconds 1700000000\n',
      );
    });

    it('fails with the answer of a refused push', async () => {
      status = 400;
      await expect(
        pushRun({
          pushgatewayUrl: url(),
          job: 'j',
          entityRef: 'component:default/x',
          run: { records: 1, durationSeconds: 1 },
        }),
      ).rejects.toThrow('Pushgateway answered 400: bad metric');
    });
  });
});
