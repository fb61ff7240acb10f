/*
 * The virtualiser of a list shown in a VirtualViewport: it scrolls the viewport, starts from the
 * viewport's size while the element has no layout yet, and hands back the props of the viewport.
 */
import { RefObject, useRef } from 'react';
import { useVirtualizer, VirtualizerOptions } from '@tanstack/react-virtual';
import { observeRectOrInitial } from '../../lib/virtualizer';

/** The rows of the list: how many, how tall, how many to render beyond the visible ones. */
export type VirtualRowsOptions = Pick<
  VirtualizerOptions<HTMLDivElement, Element>,
  'count' | 'estimateSize' | 'overscan' | 'measureElement'
>;

/** Props {@link useVirtualViewport} gives the VirtualViewport. */
export interface VirtualViewportSize {
  ref: RefObject<HTMLDivElement>;
  height: number;
  totalSize: number;
}

/** A virtualiser over a viewport `height` pixels tall, 1024 wide until measured. */
export function useVirtualViewport(height: number, rows: VirtualRowsOptions) {
  const ref = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    ...rows,
    getScrollElement: () => ref.current,
    initialRect: { width: 1024, height },
    observeElementRect: observeRectOrInitial,
  });
  const viewport: VirtualViewportSize = {
    ref,
    height,
    totalSize: virtualizer.getTotalSize(),
  };
  return { virtualizer, viewport };
}
