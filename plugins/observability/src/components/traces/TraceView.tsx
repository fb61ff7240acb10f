/*
 * One trace: summary, a link to the logs of that trace and time window, the waterfall and the
 * selected span's details.
 */
import { useMemo, useState } from 'react';
import { Link, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import ArrowBackIcon from '@material-ui/icons/ArrowBack';
import Alert from '@material-ui/lab/Alert';
import useAsync from 'react-use/esm/useAsync';
import { observabilityApiRef } from '../../api/ObservabilityApi';
import { formatDateTime, formatDurationMs } from '../../lib/format';
import { traceLogsLink } from '../../lib/signalLinks';
import { buildSpanTree } from '../../lib/spanTree';
import { PaperPanel } from '../shared/PaperPanel';
import { SignalErrorPanel } from '../shared/SignalErrorPanel';
import { SpanDetails } from './SpanDetails';
import { Waterfall } from './Waterfall';

/** Props of {@link TraceView}. */
export interface TraceViewProps {
  entityRef: string;
  traceId: string;
  /** Path of the Logs tab relative to this tab, e.g. `../logs`. */
  logsPath: string;
  onBack: () => void;
}

/** Loads the trace and lays out summary, waterfall and span details. */
export function TraceView(props: TraceViewProps) {
  const { entityRef, traceId, logsPath, onBack } = props;
  const api = useApi(observabilityApiRef);
  const { value, loading, error } = useAsync(
    () => api.getTrace(entityRef, traceId),
    [api, entityRef, traceId],
  );
  const tree = useMemo(() => buildSpanTree(value?.spans ?? []), [value]);
  const [selected, setSelected] = useState<string>();
  const selectedSpan =
    (selected ? tree.byId.get(selected) : undefined) ?? tree.roots[0];

  const back = (
    <Button startIcon={<ArrowBackIcon />} onClick={onBack}>
      Back to search
    </Button>
  );
  if (loading) {
    return <Progress />;
  }
  if (error || !value) {
    return (
      <>
        {back}
        <SignalErrorPanel
          what={`trace ${traceId}`}
          error={error ?? new Error('empty response')}
        />
      </>
    );
  }
  const root = tree.roots[0];
  const errors = value.spans.filter(span => span.status === 'error').length;
  return (
    <Box>
      <PaperPanel label="Trace">
        <Box
          display="flex"
          alignItems="center"
          flexWrap="wrap"
          style={{ gap: 16 }}
        >
          {back}
          <Typography variant="h6" component="h2">
            {root ? `${root.service}: ${root.name}` : 'Empty trace'}
          </Typography>
          <Typography variant="body2" color="textSecondary">
            {traceId} · {formatDateTime(tree.start)} ·{' '}
            {formatDurationMs(tree.end - tree.start)} ·{' '}
            {value.spans.length.toLocaleString('en-US')} spans · {errors} errors
          </Typography>
          <Link to={traceLogsLink(logsPath, traceId, tree)} relative="path">
            Logs of this trace
          </Link>
        </Box>
      </PaperPanel>
      {value.partial && (
        <Box mb={2}>
          <Alert severity="warning">
            Tempo returned a partial trace: some spans are missing and their
            children are shown as roots.
          </Alert>
        </Box>
      )}
      {value.spans.length === 0 ? (
        <Typography color="textSecondary">This trace has no spans.</Typography>
      ) : (
        <Grid container spacing={2}>
          <Grid item xs={12} lg={8}>
            <Waterfall
              tree={tree}
              selectedSpanId={selectedSpan?.spanId}
              onSelect={setSelected}
            />
          </Grid>
          <Grid item xs={12} lg={4}>
            {selectedSpan && (
              <PaperPanel>
                <SpanDetails span={selectedSpan} traceStart={tree.start} />
              </PaperPanel>
            )}
          </Grid>
        </Grid>
      )}
    </Box>
  );
}
