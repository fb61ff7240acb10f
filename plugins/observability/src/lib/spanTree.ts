/*
 * The span tree of a trace and its flattening into waterfall rows. Iterative and linear in the
 * number of spans (after sorting), so traces with tens of thousands of spans stay cheap; spans
 * whose parent is missing (truncated traces) become roots.
 */
import { TraceSpan } from '@lookout/plugin-observability-common';

/** Spans indexed by id with their children in start order. */
export interface SpanTree {
  byId: Map<string, TraceSpan>;
  roots: TraceSpan[];
  children: Map<string, TraceSpan[]>;
  /** Epoch ms of the earliest span start. */
  start: number;
  /** Epoch ms of the latest span end. */
  end: number;
}

/** One visible row of the waterfall. */
export interface SpanRow {
  span: TraceSpan;
  depth: number;
  hasChildren: boolean;
  collapsed: boolean;
}

/** End of a span in epoch ms. */
export function spanEnd(span: TraceSpan): number {
  return span.start + span.durationNs / 1e6;
}

const byStart = (a: TraceSpan, b: TraceSpan) =>
  a.start - b.start || a.spanId.localeCompare(b.spanId);

/** Builds the tree; duplicate span ids keep the first occurrence. */
export function buildSpanTree(spans: readonly TraceSpan[]): SpanTree {
  const byId = new Map<string, TraceSpan>();
  for (const span of spans) {
    if (!byId.has(span.spanId)) {
      byId.set(span.spanId, span);
    }
  }
  const roots: TraceSpan[] = [];
  const children = new Map<string, TraceSpan[]>();
  let start = Infinity;
  let end = -Infinity;
  for (const span of byId.values()) {
    start = Math.min(start, span.start);
    end = Math.max(end, spanEnd(span));
    const parent = span.parentSpanId;
    if (parent && parent !== span.spanId && byId.has(parent)) {
      const siblings = children.get(parent);
      if (siblings) {
        siblings.push(span);
      } else {
        children.set(parent, [span]);
      }
    } else {
      roots.push(span);
    }
  }
  breakCycles(byId, roots, children);
  roots.sort(byStart);
  for (const list of children.values()) {
    list.sort(byStart);
  }
  if (byId.size === 0) {
    start = 0;
    end = 0;
  }
  return { byId, roots, children, start, end };
}

/**
 * Spans caught in a parent cycle (malformed input) are unreachable from any root: detach one
 * span of each cycle from its parent and make it a root, so every span is drawn exactly once.
 */
function breakCycles(
  byId: Map<string, TraceSpan>,
  roots: TraceSpan[],
  children: Map<string, TraceSpan[]>,
): void {
  const reached = new Set<string>();
  const mark = (from: TraceSpan) => {
    const stack = [from];
    while (stack.length > 0) {
      const span = stack.pop()!;
      if (!reached.has(span.spanId)) {
        reached.add(span.spanId);
        stack.push(...(children.get(span.spanId) ?? []));
      }
    }
  };
  roots.forEach(mark);
  for (const span of byId.values()) {
    if (!reached.has(span.spanId)) {
      const siblings = children.get(span.parentSpanId ?? '');
      if (siblings) {
        siblings.splice(siblings.indexOf(span), 1);
      }
      roots.push(span);
      mark(span);
    }
  }
}

/** The rows to draw, depth first, skipping the descendants of collapsed spans. */
export function visibleRows(
  tree: SpanTree,
  collapsed: ReadonlySet<string>,
): SpanRow[] {
  const rows: SpanRow[] = [];
  const seen = new Set<string>();
  const walk = (root: TraceSpan) => {
    const stack: Array<{ span: TraceSpan; depth: number }> = [
      { span: root, depth: 0 },
    ];
    while (stack.length > 0) {
      const { span, depth } = stack.pop()!;
      if (seen.has(span.spanId)) {
        continue;
      }
      seen.add(span.spanId);
      const kids = tree.children.get(span.spanId) ?? [];
      const isCollapsed = collapsed.has(span.spanId);
      rows.push({
        span,
        depth,
        hasChildren: kids.length > 0,
        collapsed: isCollapsed && kids.length > 0,
      });
      if (!isCollapsed) {
        for (let i = kids.length - 1; i >= 0; i--) {
          stack.push({ span: kids[i], depth: depth + 1 });
        }
      }
    }
  };
  tree.roots.forEach(walk);
  return rows;
}
