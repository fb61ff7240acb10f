/*
 * Traces found by a search: root span, duration, span and error counts, start. The trace id
 * opens the trace (`?traceId=`), so results can be bookmarked and shared.
 */
import { Link } from '@backstage/core-components';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import { useTheme } from '@material-ui/core/styles';
import { TraceSummary } from '@lookout/plugin-observability-common';
import { formatDateTime, formatDurationMs } from '../../lib/format';
import { readableColor } from '../../lib/readableColor';

/** Props of {@link TraceResultsTable}. */
export interface TraceResultsTableProps {
  traces: TraceSummary[];
}

/** One row per trace, newest first as the backend returns them. */
export function TraceResultsTable(props: TraceResultsTableProps) {
  const theme = useTheme();
  return (
    <Table size="small" aria-label="Traces">
      <TableHead>
        <TableRow>
          <TableCell>Trace</TableCell>
          <TableCell>Root span</TableCell>
          <TableCell align="right">Duration</TableCell>
          <TableCell align="right">Spans</TableCell>
          <TableCell align="right">Errors</TableCell>
          <TableCell>Start</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {props.traces.map(trace => (
          <TableRow key={trace.traceId} hover>
            <TableCell>
              <Link
                to={`?${new URLSearchParams({ traceId: trace.traceId })}`}
                aria-label={`Open trace ${trace.traceId}`}
              >
                <code>{trace.traceId}</code>
              </Link>
            </TableCell>
            <TableCell>
              {trace.rootService}: {trace.rootName}
            </TableCell>
            <TableCell align="right">
              {formatDurationMs(trace.durationMs)}
            </TableCell>
            <TableCell align="right">{trace.spanCount}</TableCell>
            <TableCell
              align="right"
              style={
                trace.errorCount > 0
                  ? {
                      color: readableColor(
                        theme.palette.error.main,
                        theme.palette.background.paper,
                      ),
                    }
                  : undefined
              }
            >
              {trace.errorCount}
            </TableCell>
            <TableCell>{formatDateTime(trace.start)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
