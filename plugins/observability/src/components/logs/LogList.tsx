/*
 * The virtualised list of log lines (@tanstack/react-virtual): only the visible rows are in the
 * DOM, so thousands of lines scroll smoothly; expanded rows are measured.
 */
import { useCallback, useEffect } from 'react';
import { LogEntry } from '@lookout/plugin-observability-common';
import { measureOrEstimate, virtualRowStyle } from '../../lib/virtualizer';
import { useVirtualViewport } from '../shared/useVirtualViewport';
import { VirtualViewport } from '../shared/VirtualViewport';
import { LOG_ROW_HEIGHT, LogRow } from './LogRow';

/** Height of the scrolling viewport, in pixels. */
const VIEWPORT_HEIGHT = 600;
/** Estimated height of an expanded row's details per label. */
const DETAILS_ROW_HEIGHT = 33;

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
  const { entries, expanded, onToggle, tracesPath } = props;
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
  const { virtualizer, viewport } = useVirtualViewport(VIEWPORT_HEIGHT, {
    count: entries.length,
    estimateSize,
    overscan: 10,
    measureElement: measureOrEstimate,
  });
  useEffect(() => {
    // Sizes of rows that were expanded or collapsed are stale: estimate and measure again.
    virtualizer.measure();
  }, [virtualizer, expanded]);
  return (
    <VirtualViewport {...viewport} role="list" label="Log lines">
      {virtualizer.getVirtualItems().map(item => (
        <div
          key={item.key}
          data-index={item.index}
          ref={virtualizer.measureElement}
          role="listitem"
          aria-setsize={entries.length}
          aria-posinset={item.index + 1}
          style={virtualRowStyle(item.start)}
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
    </VirtualViewport>
  );
}
