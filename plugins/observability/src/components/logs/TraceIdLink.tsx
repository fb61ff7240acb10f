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

/** `<a href="../traces?traceId=…">`, resolved relative to the current path. */
export function TraceIdLink(props: TraceIdLinkProps) {
  return (
    <Link
      to={traceLink(props.tracesPath, props.traceId)}
      relative="path"
      aria-label={`Open trace ${props.traceId}`}
    >
      {props.children ?? props.traceId}
    </Link>
  );
}
