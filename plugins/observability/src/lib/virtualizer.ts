/*
 * Options of @tanstack/react-virtual for the log list and the waterfall. An element that has no
 * layout yet (a tab being mounted, a hidden panel, a DOM without layout such as jsdom) reports a
 * size of 0; the virtualiser then keeps its `initialRect` and the rows' estimated sizes instead
 * of collapsing to a single row.
 */
import { CSSProperties } from 'react';
import {
  measureElement,
  observeElementRect,
  Rect,
  Virtualizer,
} from '@tanstack/react-virtual';

/** `observeElementRect` that ignores empty rectangles in favour of `initialRect`. */
export function observeRectOrInitial<T extends Element>(
  instance: Virtualizer<T, Element>,
  cb: (rect: Rect) => void,
): (() => void) | undefined {
  return observeElementRect(instance, rect => {
    const initial = instance.options.initialRect;
    cb(rect.width === 0 && rect.height === 0 && initial ? initial : rect);
  });
}

/** `measureElement` that falls back to the estimate when the element has no height yet. */
export function measureOrEstimate<TItem extends Element>(
  element: TItem,
  entry: ResizeObserverEntry | undefined,
  instance: Virtualizer<any, TItem>,
): number {
  const size = measureElement(element, entry, instance);
  if (size > 0) {
    return size;
  }
  return instance.options.estimateSize(instance.indexFromElement(element));
}

/**
 * Style of a rendered row of a virtualised list: placed `start` pixels down the list's full
 * height, across its width; `height` fixes the row's height (rows left without are measured).
 */
export function virtualRowStyle(start: number, height?: number): CSSProperties {
  return {
    position: 'absolute',
    top: 0,
    left: 0,
    width: '100%',
    height,
    transform: `translateY(${start}px)`,
  };
}
