import { detectLevel, extractTraceId } from './logLine';

const id = '5b8efff798038103d269b633813fc700';

describe('extractTraceId', () => {
  it.each([
    [`level=error msg="timeout" trace_id=${id} duration=30.01s`],
    [`{"level":"error","traceId":"${id}","msg":"x"}`],
    [`{"trace_id": "${id.toUpperCase()}"}`],
    [`traceID: ${id}`],
    [`trace-id=${id}`],
  ])('finds the trace id in %s', line => {
    expect(extractTraceId(line)).toBe(id);
  });

  it('pads 64-bit trace ids to 32 characters', () => {
    expect(extractTraceId('trace_id=d6e9329d67b6146a')).toBe(
      '0000000000000000d6e9329d67b6146a',
    );
  });

  it('prefers structured metadata over the line', () => {
    expect(
      extractTraceId('trace_id=0af7651916cd43dd8448eb211c80319c', {
        trace_id: id,
      }),
    ).toBe(id);
  });

  it.each([
    ['no id here'],
    ['trace_id=123'],
    ['trace_id=00000000000000000000000000000000'],
    [`trace_id=${id}ff`],
    [`span_id=${id}`],
  ])('finds none in %s', line => {
    expect(extractTraceId(line)).toBeUndefined();
  });
});

describe('detectLevel', () => {
  it('reads the first level-like label, lowercased', () => {
    expect(detectLevel({ app: 'x' }, { detected_level: 'WARN' })).toBe('warn');
    expect(detectLevel({ level: 'error' }, { level: 'info' })).toBe('error');
    expect(detectLevel({ app: 'x' })).toBeUndefined();
  });
});
