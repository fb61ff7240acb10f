/*
 * The virtualised list of log lines (@tanstack/react-virtual): only the visible rows are in the
 * DOM, so thousands of lines scroll smoothly; expanded rows are measured.
 */
import { useCallback, useEffect, useRef } from 'react';
import { makeStyles } from '@material-ui/core/styles';
import { useVirtualizer } from '@tanstack/react-virtual';
import { LogEntry } from '@lookout/plugin-observability-common';
import { measureOrEstimate, observeRectOrInitial } from '../../lib/virtualizer';
import { LOG_ROW_HEIGHT, LogRow } from './LogRow';

/** Height of the scrolling viewport, in pixels. */
const VIEWPORT_HEIGHT = 600;
/** Estimated height of an expanded row's details per label. */
const DETAILS_ROW_HEIGHT = 33;

const useStyles = makeStyles(theme => ({
  viewport: {
    height: VIEWPORT_HEIGHT,
    overflow: 'auto',
    border: `1px solid ${theme.palette.divider}`,
    borderRadius: theme.shape.borderRadius,
    background: theme.palette.background.paper,
  },
}));

/** Props of {@link LogList}. */
export interface LogListProps {
  entries: readonly LogEntry[];
  /** Indexes (into `entries`) of the expanded rows. */
  expanded: ReadonlySet<number>;
  onToggle: (index: number) => void;
  tracesPath: string;
}

/** A fixed-height scrolling list with one row per entry. */
export function LogList(props: LogListProps) {
  const classes = useStyles();
  const { entries, expanded, onToggle, tracesPath } = props;
  const viewportRef = useRef<HTMLDivElement>(null);
  const estimateSize = useCallback(
    (index: number) => {
      if (!expanded.has(index)) {
        return LOG_ROW_HEIGHT;
      }
      const entry = entries[index];
      const detailRows =
        Object.keys(entry.labels).length + (entry.traceId ? 3 : 2);
      return LOG_ROW_HEIGHT + 56 + detailRows * DETAILS_ROW_HEIGHT;
    },
    [entries, expanded],
  );
  const virtualizer = useVirtualizer({
    count: entries.length,
    getScrollElement: () => viewportRef.current,
    estimateSize,
    overscan: 10,
    initialRect: { width: 1024, height: VIEWPORT_HEIGHT },
    observeElementRect: observeRectOrInitial,
    measureElement: measureOrEstimate,
  });
  useEffect(() => {
    // Sizes of rows that were expanded or collapsed are stale: estimate and measure again.
    virtualizer.measure();
  }, [virtualizer, expanded]);
  return (
    <div
      ref={viewportRef}
      className={classes.viewport}
      role="list"
      aria-label="Log lines"
    >
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map(item => (
          <div
            key={item.key}
            data-index={item.index}
            ref={virtualizer.measureElement}
            role="listitem"
            aria-setsize={entries.length}
            aria-posinset={item.index + 1}
            style={{
              position: 'absolute',
              top: 0,
              left: 0,
              width: '100%',
              transform: `translateY(${item.start}px)`,
            }}
          >
            <LogRow
              entry={entries[item.index]}
              index={item.index}
              expanded={expanded.has(item.index)}
              onToggle={onToggle}
              tracesPath={tracesPath}
            />
          </div>
        ))}
      </div>
    </div>
  );
}
