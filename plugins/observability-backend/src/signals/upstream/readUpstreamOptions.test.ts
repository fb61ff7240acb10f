import { ConfigReader } from '@backstage/config';
import { readUpstreamOptions } from './readUpstreamOptions';

const config = (observability: object) => new ConfigReader({ observability });

describe('readUpstreamOptions', () => {
  it('answers undefined for an upstream that is not configured', () => {
    expect(readUpstreamOptions(config({}), 'loki')).toBeUndefined();
  });

  it('applies the documented defaults', () => {
    expect(
      readUpstreamOptions(
        config({ prometheus: { url: 'http://prom:9090/' } }),
        'prometheus',
      ),
    ).toEqual({
      name: 'prometheus',
      baseUrl: 'http://prom:9090',
      headers: {},
      timeoutMs: 10_000,
      maxResponseBytes: 16 * 1024 * 1024,
      concurrency: 10,
      concurrencyPerCaller: 5,
      cacheTtlMs: 10_000,
      cacheMaxBytes: 16 * 1024 * 1024,
    });
  });

  it('gives one caller at most half of a default upstream, and every cache a byte budget', () => {
    const loki = readUpstreamOptions(
      config({ loki: { url: 'http://loki:3100' } }),
      'loki',
    );
    expect(loki).toMatchObject({
      concurrency: 5,
      concurrencyPerCaller: 2,
      cacheMaxBytes: 16 * 1024 * 1024,
    });
    expect(
      readUpstreamOptions(
        config({
          loki: {
            url: 'http://loki:3100',
            concurrency: 8,
            concurrencyPerCaller: 3,
            cacheMaxBytes: 1000,
          },
        }),
        'loki',
      ),
    ).toMatchObject({ concurrencyPerCaller: 3, cacheMaxBytes: 1000 });
  });

  it('reads durations as strings or objects, headers and limits', () => {
    expect(
      readUpstreamOptions(
        config({
          tempo: {
            url: 'http://tempo:3200',
            headers: { Authorization: 'Basic x' },
            timeout: '2s',
            cacheTtl: { seconds: 0 },
            maxResponseBytes: 1000,
            concurrency: 2,
          },
        }),
        'tempo',
      ),
    ).toMatchObject({
      headers: { Authorization: 'Basic x' },
      timeoutMs: 2000,
      cacheTtlMs: 0,
      maxResponseBytes: 1000,
      concurrency: 2,
    });
  });

  it('names the key of an invalid value', () => {
    expect(() =>
      readUpstreamOptions(
        config({ loki: { url: 'http://loki', concurrency: 0 } }),
        'loki',
      ),
    ).toThrow(
      'observability.loki.concurrency must be a positive integer, got 0',
    );
    expect(() =>
      readUpstreamOptions(config({ loki: { url: 'loki:3100/x y' } }), 'loki'),
    ).toThrow(/observability.loki.url must be an absolute http\(s\) URL/);
  });
});
