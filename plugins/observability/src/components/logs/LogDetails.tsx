/*
 * The expanded details of one log line: exact timestamp, level, trace, every label, and a copy
 * button for the raw line.
 */
import Box from '@material-ui/core/Box';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import { makeStyles } from '@material-ui/core/styles';
import { CopyTextButton } from '@backstage/core-components';
import { LogEntry } from '@lookout/plugin-observability-common';
import { logLevelOf } from '../../lib/logLevel';
import { TraceIdLink } from './TraceIdLink';

const useStyles = makeStyles(theme => ({
  root: {
    padding: theme.spacing(1, 2, 1, 5),
    background: theme.palette.background.default,
    borderBottom: `1px solid ${theme.palette.divider}`,
  },
  key: {
    width: 200,
    color: theme.palette.text.secondary,
    fontFamily: 'monospace',
  },
  value: { fontFamily: 'monospace', overflowWrap: 'anywhere' },
}));

/** Props of {@link LogDetails}. */
export interface LogDetailsProps {
  entry: LogEntry;
  tracesPath: string;
}

/** A key/value table of the line's fields and labels. */
export function LogDetails(props: LogDetailsProps) {
  const classes = useStyles();
  const { entry, tracesPath } = props;
  const labels = Object.entries(entry.labels).sort(([a], [b]) =>
    a.localeCompare(b),
  );
  return (
    <Box className={classes.root}>
      <Table size="small" aria-label="Line details">
        <TableBody>
          <TableRow>
            <TableCell className={classes.key}>timestamp</TableCell>
            <TableCell className={classes.value}>
              {new Date(entry.timestamp).toISOString()}
              {entry.timestampNs && ` (${entry.timestampNs} ns)`}
            </TableCell>
          </TableRow>
          <TableRow>
            <TableCell className={classes.key}>level</TableCell>
            <TableCell className={classes.value}>{logLevelOf(entry)}</TableCell>
          </TableRow>
          {entry.traceId && (
            <TableRow>
              <TableCell className={classes.key}>trace</TableCell>
              <TableCell className={classes.value}>
                <TraceIdLink traceId={entry.traceId} tracesPath={tracesPath} />
              </TableCell>
            </TableRow>
          )}
          {labels.map(([name, value]) => (
            <TableRow key={name}>
              <TableCell className={classes.key}>{name}</TableCell>
              <TableCell className={classes.value}>{value}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <CopyTextButton
        text={entry.line}
        tooltipText="Line copied"
        aria-label="Copy line"
      />
    </Box>
  );
}
