/*
 * The text of a log line, its trace id turned into a link to the Traces tab: in place when the
 * line contains it, else after the line.
 */
import { TraceIdLink } from './TraceIdLink';

/** Props of {@link LogLineText}. */
export interface LogLineTextProps {
  line: string;
  traceId?: string;
  tracesPath: string;
}

/** Line text with the trace id linked. */
export function LogLineText(props: LogLineTextProps) {
  const { line, traceId, tracesPath } = props;
  if (!traceId) {
    return <>{line}</>;
  }
  const at = line.indexOf(traceId);
  if (at < 0) {
    return (
      <>
        {line}{' '}
        <TraceIdLink traceId={traceId} tracesPath={tracesPath}>
          {`trace ${traceId.slice(0, 8)}…`}
        </TraceIdLink>
      </>
    );
  }
  return (
    <>
      {line.slice(0, at)}
      <TraceIdLink traceId={traceId} tracesPath={tracesPath} />
      {line.slice(at + traceId.length)}
    </>
  );
}
