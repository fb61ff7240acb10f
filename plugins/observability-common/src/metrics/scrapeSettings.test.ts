import {
  parseMetricsInterval,
  parseMetricsPort,
  parseMetricsTargets,
} from './scrapeSettings';

describe('parseMetricsPort', () => {
  it.each([
    ['http', 'http'],
    ['http-metrics', 'http-metrics'],
    ['metrics9', 'metrics9'],
    ['a23456789012345', 'a23456789012345'],
    ['1', 1],
    ['65535', 65535],
  ])('accepts %j', (text, port) => {
    expect(parseMetricsPort(text)).toEqual({ ok: true, value: port });
  });

  it.each([
    '65536',
    '080',
    'a234567890123456',
    'http--metrics',
    '-http',
    'http_metrics',
    '',
  ])('rejects %j', text => {
    expect(parseMetricsPort(text).ok).toBe(false);
  });
});

describe('parseMetricsInterval', () => {
  it.each(['5s', '30s', '1m30s', '5m', '5000ms'])(
    'accepts %j as written',
    text => {
      expect(parseMetricsInterval(text)).toEqual({ ok: true, value: text });
    },
  );

  it.each([
    ['0s', /shorter than 5s/],
    ['4s999ms', /shorter than 5s/],
    ['5m1s', /longer than 5m/],
    ['1h', /longer than 5m/],
    ['30', /not a duration/],
  ])('rejects %j', (text, message) => {
    const result = parseMetricsInterval(text);
    expect(!result.ok && result.message).toMatch(message);
  });
});

describe('parseMetricsTargets', () => {
  it('accepts DNS names, IPv4 and bracketed IPv6 addresses, trimmed and without duplicates', () => {
    expect(
      parseMetricsTargets(
        ' a.example.com:9100 ,192.168.1.10:80, [::1]:9090, a.example.com:9100',
      ),
    ).toEqual({
      targets: ['a.example.com:9100', '192.168.1.10:80', '[::1]:9090'],
      invalid: [],
    });
  });

  it.each([
    ['host', /has no :port/],
    ['host:', /has no :port/],
    ['host:65536', /not a port number/],
    ['256.1.1.1:80', /not a host name or IP address/],
    ['[fe80::zz]:80', /not a host name or IP address/],
    ['::1:80', /not a host name or IP address/],
    ['under_score.example.com:80', /not a host name or IP address/],
    ['-bad.example.com:80', /not a host name or IP address/],
    ['a:80,,b:80', /target 2 is empty/],
    ['', /target 1 is empty/],
  ])('rejects %j', (text, message) => {
    const { invalid } = parseMetricsTargets(text);
    expect(invalid).toEqual([expect.stringMatching(message)]);
  });
});
