/*
 * The waterfall of a trace: a collapsible span tree on a shared time axis, virtualised with
 * fixed-height rows so that traces with tens of thousands of spans stay responsive.
 */
import { useCallback, useMemo, useRef, useState } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import { makeStyles } from '@material-ui/core/styles';
import { useVirtualizer } from '@tanstack/react-virtual';
import { SpanTree, visibleRows } from '../../lib/spanTree';
import { observeRectOrInitial } from '../../lib/virtualizer';
import { WATERFALL_ROW_HEIGHT, WaterfallRow } from './WaterfallRow';

const VIEWPORT_HEIGHT = 560;

const useStyles = makeStyles(theme => ({
  viewport: {
    height: VIEWPORT_HEIGHT,
    overflow: 'auto',
    border: `1px solid ${theme.palette.divider}`,
    borderRadius: theme.shape.borderRadius,
    background: theme.palette.background.paper,
  },
}));

/** Props of {@link Waterfall}. */
export interface WaterfallProps {
  tree: SpanTree;
  selectedSpanId?: string;
  onSelect: (spanId: string) => void;
}

/** Expand/collapse-all buttons above a virtualised tree. */
export function Waterfall(props: WaterfallProps) {
  const classes = useStyles();
  const { tree, selectedSpanId, onSelect } = props;
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const rows = useMemo(() => visibleRows(tree, collapsed), [tree, collapsed]);
  const viewportRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => viewportRef.current,
    estimateSize: () => WATERFALL_ROW_HEIGHT,
    overscan: 20,
    initialRect: { width: 1024, height: VIEWPORT_HEIGHT },
    observeElementRect: observeRectOrInitial,
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
      <div
        ref={viewportRef}
        className={classes.viewport}
        role="tree"
        aria-label="Spans"
      >
        <div
          style={{ height: virtualizer.getTotalSize(), position: 'relative' }}
        >
          {virtualizer.getVirtualItems().map(item => {
            const row = rows[item.index];
            return (
              <div
                key={row.span.spanId}
                role="none"
                style={{
                  position: 'absolute',
                  top: 0,
                  left: 0,
                  width: '100%',
                  height: WATERFALL_ROW_HEIGHT,
                  transform: `translateY(${item.start}px)`,
                }}
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
        </div>
      </div>
    </Box>
  );
}
