import { traceSummary } from './TempoTraceService';

describe('traceSummary', () => {
  it('pads the id, converts ns to ms and sums the service stats', () => {
    expect(
      traceSummary({
        traceID: 'd6e9329d67b6146a',
        rootServiceName: 'checkout',
        rootTraceName: 'POST /api/checkout',
        startTimeUnixNano: '1795626012540000000',
        durationMs: 30012,
        serviceStats: {
          checkout: { spanCount: 4, errorCount: 1 },
          'payments-api': { spanCount: 2, errorCount: 1 },
        },
      }),
    ).toEqual({
      traceId: '0000000000000000d6e9329d67b6146a',
      rootService: 'checkout',
      rootName: 'POST /api/checkout',
      start: 1795626012540,
      durationMs: 30012,
      spanCount: 6,
      errorCount: 2,
    });
  });

  it('counts the matched spans when Tempo sends no service stats, and 0 ms for a missing duration', () => {
    expect(
      traceSummary({
        traceID: '1b1ba462b409200d',
        startTimeUnixNano: '1634727775935000000',
        spanSets: [{ matched: 2 }, { matched: 1 }],
      }),
    ).toMatchObject({
      spanCount: 3,
      errorCount: 0,
      durationMs: 0,
      rootService: '',
    });
  });
});
