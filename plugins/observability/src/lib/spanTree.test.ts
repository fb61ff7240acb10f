import { TraceSpan } from '@lookout/plugin-observability-common';
import { buildSpanTree, visibleRows } from './spanTree';

function span(
  spanId: string,
  parentSpanId: string | undefined,
  start: number,
  ms = 10,
): TraceSpan {
  return {
    spanId,
    parentSpanId,
    service: 'svc',
    name: spanId,
    kind: 'internal',
    start,
    durationNs: ms * 1e6,
    status: 'unset',
    attributes: {},
  };
}

const names = (rows: ReturnType<typeof visibleRows>) =>
  rows.map(row => `${'  '.repeat(row.depth)}${row.span.spanId}`);

describe('span tree', () => {
  const spans = [
    span('c', 'a', 30),
    span('a', undefined, 0, 100),
    span('b', 'a', 10),
    span('d', 'b', 12),
  ];

  it('orders children by start time, depth first', () => {
    expect(names(visibleRows(buildSpanTree(spans), new Set()))).toEqual([
      'a',
      '  b',
      '    d',
      '  c',
    ]);
  });

  it('hides the descendants of a collapsed span', () => {
    const rows = visibleRows(buildSpanTree(spans), new Set(['b']));

    expect(names(rows)).toEqual(['a', '  b', '  c']);
    expect(rows[1]).toMatchObject({ hasChildren: true, collapsed: true });
  });

  it('spans the whole trace in time', () => {
    const tree = buildSpanTree(spans);

    expect([tree.start, tree.end]).toEqual([0, 100]);
  });

  it('makes spans with a missing parent roots (truncated traces)', () => {
    const rows = visibleRows(
      buildSpanTree([span('x', 'gone', 5), span('y', undefined, 0)]),
      new Set(),
    );

    expect(names(rows)).toEqual(['y', 'x']);
  });

  it('draws every span of a parent cycle exactly once', () => {
    const rows = visibleRows(
      buildSpanTree([span('p', 'q', 0), span('q', 'p', 1)]),
      new Set(),
    );

    expect(rows.map(r => r.span.spanId).sort()).toEqual(['p', 'q']);
  });

  it('handles a 20,000-span chain without recursion limits', () => {
    const chain = Array.from({ length: 20_000 }, (_, i) =>
      span(`s${i}`, i === 0 ? undefined : `s${i - 1}`, i),
    );

    const rows = visibleRows(buildSpanTree(chain), new Set());

    expect(rows).toHaveLength(20_000);
    expect(rows[19_999].depth).toBe(19_999);
  });
});
