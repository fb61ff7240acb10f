import { LogEntry } from '@lookout/plugin-observability-common';
import { exportLogs, logFileName, toJsonLines, toLogText } from './logExport';

const entries: LogEntry[] = [
  {
    timestamp: Date.UTC(2025, 0, 2, 3, 4, 5, 6),
    line: 'first "quoted"',
    labels: { a: 'b' },
  },
  {
    timestamp: Date.UTC(2025, 0, 2, 3, 4, 6),
    line: 'second',
    labels: {},
    traceId: 'abc',
  },
];

describe('log export', () => {
  it('writes one timestamped line per entry as text', () => {
    expect(toLogText(entries)).toBe(
      '2025-01-02T03:04:05.006Z first "quoted"\n2025-01-02T03:04:06.000Z second\n',
    );
  });

  it('writes one parseable JSON object per line', () => {
    const lines = toJsonLines(entries).trimEnd().split('\n');

    expect(lines.map(line => JSON.parse(line))).toEqual(entries);
  });

  it('uses a JSON Lines MIME type for .jsonl', () => {
    expect(exportLogs(entries, 'jsonl').mimeType).toBe('application/x-ndjson');
    expect(exportLogs(entries, 'log').mimeType).toBe('text/plain');
  });

  it('names files safely', () => {
    expect(
      logFileName('my service/v2', 'log', Date.UTC(2025, 0, 2, 3, 4, 5, 600)),
    ).toBe('my_service_v2-logs-2025-01-02T03-04-05Z.log');
  });
});
