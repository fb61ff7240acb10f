/*
 * The waterfall of a trace: a collapsible span tree on a shared time axis, virtualised with
 * fixed-height rows so that traces with tens of thousands of spans stay responsive.
 */
import { useCallback, useMemo, useState } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import { SpanTree, visibleRows } from '../../lib/spanTree';
import { virtualRowStyle } from '../../lib/virtualizer';
import { useVirtualViewport } from '../shared/useVirtualViewport';
import { VirtualViewport } from '../shared/VirtualViewport';
import { WATERFALL_ROW_HEIGHT, WaterfallRow } from './WaterfallRow';

const VIEWPORT_HEIGHT = 560;

/** Props of {@link Waterfall}. */
export interface WaterfallProps {
  tree: SpanTree;
  selectedSpanId?: string;
  onSelect: (spanId: string) => void;
}

/** Expand/collapse-all buttons above a virtualised tree. */
export function Waterfall(props: WaterfallProps) {
  const { tree, selectedSpanId, onSelect } = props;
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const rows = useMemo(() => visibleRows(tree, collapsed), [tree, collapsed]);
  const { virtualizer, viewport } = useVirtualViewport(VIEWPORT_HEIGHT, {
    count: rows.length,
    estimateSize: () => WATERFALL_ROW_HEIGHT,
    overscan: 20,
  });
  const toggle = useCallback((spanId: string) => {
    setCollapsed(current => {
      const next = new Set(current);
      if (!next.delete(spanId)) {
        next.add(spanId);
      }
      return next;
    });
  }, []);
  const collapseAll = () => setCollapsed(new Set(tree.children.keys()));
  const traceDuration = tree.end - tree.start;
  return (
    <Box>
      <Box display="flex" mb={1} style={{ gap: 8 }}>
        <Button size="small" onClick={() => setCollapsed(new Set())}>
          Expand all
        </Button>
        <Button size="small" onClick={collapseAll}>
          Collapse all
        </Button>
      </Box>
      <VirtualViewport {...viewport} role="tree" label="Spans">
        {virtualizer.getVirtualItems().map(item => {
          const row = rows[item.index];
          return (
            <div
              key={row.span.spanId}
              role="none"
              style={virtualRowStyle(item.start, WATERFALL_ROW_HEIGHT)}
            >
              <WaterfallRow
                row={row}
                traceStart={tree.start}
                traceDuration={traceDuration}
                selected={row.span.spanId === selectedSpanId}
                onSelect={onSelect}
                onToggle={toggle}
              />
            </div>
          );
        })}
      </VirtualViewport>
    </Box>
  );
}
