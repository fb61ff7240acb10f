/*
 * Details of the selected span: identity, timing, status (with message), attributes and events.
 */
import Box from '@material-ui/core/Box';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import {
  StatusError,
  StatusOK,
  StatusPending,
} from '@backstage/core-components';
import { TraceSpan } from '@lookout/plugin-observability-common';
import { formatDurationMs, formatDurationNs } from '../../lib/format';
import { WrappingListItemText } from '../shared/WrappingListItemText';

const useStyles = makeStyles(theme => ({
  key: {
    color: theme.palette.text.secondary,
    fontFamily: 'monospace',
    width: '40%',
  },
  value: { fontFamily: 'monospace', overflowWrap: 'anywhere' },
}));

type AttributeValue = string | number | boolean;

function KeyValueTable(props: {
  label: string;
  rows: Array<[string, AttributeValue]>;
}) {
  const classes = useStyles();
  return (
    <Table size="small" aria-label={props.label}>
      <TableBody>
        {props.rows.map(([key, value]) => (
          <TableRow key={key}>
            <TableCell className={classes.key}>{key}</TableCell>
            <TableCell className={classes.value}>{String(value)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function SpanStatus(props: { span: TraceSpan }) {
  const { status, statusMessage } = props.span;
  const text = statusMessage ? `${status}: ${statusMessage}` : status;
  if (status === 'error') {
    return <StatusError>{text}</StatusError>;
  }
  if (status === 'ok') {
    return <StatusOK>{text}</StatusOK>;
  }
  return <StatusPending>{text}</StatusPending>;
}

/** Props of {@link SpanDetails}. */
export interface SpanDetailsProps {
  span: TraceSpan;
  /** Epoch ms of the trace start, for offsets. */
  traceStart: number;
}

/** A panel with the span's fields, attributes and events. */
export function SpanDetails(props: SpanDetailsProps) {
  const { span, traceStart } = props;
  const attributes = Object.entries(span.attributes).sort(([a], [b]) =>
    a.localeCompare(b),
  );
  return (
    <Box component="section" aria-label="Span details">
      <Typography variant="h6" component="h3">
        {span.name}
      </Typography>
      <Typography variant="body2" color="textSecondary" gutterBottom>
        {span.service} · {span.kind}
      </Typography>
      <SpanStatus span={span} />
      <KeyValueTable
        label="Span"
        rows={[
          ['duration', formatDurationNs(span.durationNs)],
          ['starts after', formatDurationMs(span.start - traceStart)],
          ['span id', span.spanId],
          ['parent span id', span.parentSpanId ?? '–'],
        ]}
      />
      <Box mt={2}>
        <Typography variant="subtitle2" component="h4">
          Attributes ({attributes.length})
        </Typography>
        {attributes.length > 0 ? (
          <KeyValueTable label="Attributes" rows={attributes} />
        ) : (
          <Typography variant="body2" color="textSecondary">
            None
          </Typography>
        )}
      </Box>
      <Box mt={2}>
        <Typography variant="subtitle2" component="h4">
          Events ({span.events?.length ?? 0})
        </Typography>
        <List dense disablePadding>
          {(span.events ?? []).map((event, index) => (
            <ListItem key={index} disableGutters>
              <WrappingListItemText
                primary={`${event.name} at +${formatDurationMs(
                  event.time - span.start,
                )}`}
                secondary={Object.entries(event.attributes)
                  .map(([key, value]) => `${key}=${String(value)}`)
                  .join(' ')}
              />
            </ListItem>
          ))}
        </List>
      </Box>
    </Box>
  );
}
