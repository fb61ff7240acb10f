import { LokiStream } from '../loki/LokiClient';
import { mergeStreams } from './LokiLogService';

const streams: LokiStream[] = [
  {
    labels: { app: 'checkout', pod: 'a' },
    entries: [
      {
        timestampNs: '1795626012548155000',
        line: 'trace_id=5b8efff798038103d269b633813fc700 x',
        structuredMetadata: {},
        parsed: {},
      },
      {
        timestampNs: '1795626007240578000',
        line: 'b',
        structuredMetadata: {},
        parsed: {},
      },
    ],
  },
  {
    labels: { app: 'checkout', pod: 'b', level: 'ERROR' },
    entries: [
      {
        timestampNs: '1795626010001000000',
        line: 'c',
        structuredMetadata: { trace_id: '0af7651916cd43dd8448eb211c80319c' },
        parsed: {},
      },
    ],
  },
];

describe('mergeStreams', () => {
  it('merges lines of every stream newest first, to the limit', () => {
    const lines = mergeStreams(streams, 'backward', 2);
    expect(lines.map(l => l.timestampNs)).toEqual([
      '1795626012548155000',
      '1795626010001000000',
    ]);
    expect(lines[0]).toMatchObject({
      timestamp: 1795626012548,
      traceId: '5b8efff798038103d269b633813fc700',
      labels: { app: 'checkout', pod: 'a' },
    });
    expect(lines[1]).toMatchObject({
      traceId: '0af7651916cd43dd8448eb211c80319c',
      level: 'error',
      metadata: { trace_id: '0af7651916cd43dd8448eb211c80319c' },
    });
  });

  it('orders oldest first going forward', () => {
    expect(mergeStreams(streams, 'forward', 10).map(l => l.line)).toEqual([
      'b',
      'c',
      expect.any(String),
    ]);
  });
});
