/*
 * A trace id rendered as a link to that trace on the Traces tab.
 */
import { Link } from '@backstage/core-components';
import { traceLink } from '../../lib/signalLinks';

/** Props of {@link TraceIdLink}. */
export interface TraceIdLinkProps {
  traceId: string;
  /** Path of the Traces tab relative to the Logs tab, e.g. `../traces`. */
  tracesPath: string;
  /** Link text; the trace id by default. */
  children?: string;
}

/**
 * `<a href="../traces?traceId=…">`, resolved relative to the current path. Its accessible name
 * is the visible text (WCAG 2.5.3): "Open trace <id>" for a bare id, else the given text with
 * "Open trace <id>" as its description.
 */
export function TraceIdLink(props: TraceIdLinkProps) {
  const action = `Open trace ${props.traceId}`;
  return (
    <Link
      to={traceLink(props.tracesPath, props.traceId)}
      relative="path"
      underline="always"
      {...(props.children ? { title: action } : { 'aria-label': action })}
    >
      {props.children ?? props.traceId}
    </Link>
  );
}
