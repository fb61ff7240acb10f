import { traceIdLineFilter, traceLink, traceLogsLink } from './signalLinks';
import { validateLogqlPipeline } from '@lookout/plugin-observability-common';

const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';

describe('signal links', () => {
  it('links to a trace on the Traces tab', () => {
    expect(traceLink('../traces', TRACE)).toBe(`../traces?traceId=${TRACE}`);
  });

  it('links to the logs of a trace with a minute of margin', () => {
    expect(
      traceLogsLink('../logs', TRACE, { start: 100_000, end: 101_500.5 }),
    ).toBe(`../logs?traceId=${TRACE}&from=40000&to=161501`);
  });

  it('filters lines on the trace id with a valid LogQL line filter', () => {
    const filter = traceIdLineFilter(TRACE);

    expect(filter).toBe(`|= "${TRACE}"`);
    expect(validateLogqlPipeline(filter)).toEqual({ valid: true });
  });
});
