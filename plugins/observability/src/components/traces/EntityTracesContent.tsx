/*
 * The Traces tab: TraceQL search over the entity's service and, for `?traceId=…`, the trace's
 * waterfall with span details and a link to the logs of that trace.
 */
import { useSearchParams } from 'react-router-dom';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { EmptyState, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import useAsync from 'react-use/esm/useAsync';
import { observabilityApiRef } from '../../api/ObservabilityApi';
import { resolveTimeRange } from '../../lib/timeRange';
import { SignalErrorPanel } from '../shared/SignalErrorPanel';
import { useQueryDraft } from '../shared/useQueryDraft';
import { TraceResultsTable } from './TraceResultsTable';
import { TraceSearch, TracesQuery } from './TraceSearch';
import { ReleaseStrip } from '../releases/ReleaseStrip';
import { TraceView } from './TraceView';

/** Props of {@link EntityTracesContent}. @public */
export interface EntityTracesContentProps {
  /**
   * Path of the Logs tab relative to this tab, for the logs of a trace; default `../logs` (the
   * sibling tab). Resolved against the current URL path.
   */
  logsPath?: string;
}

function TraceSearchResults(props: { entityRef: string; query: TracesQuery }) {
  const api = useApi(observabilityApiRef);
  const { entityRef, query } = props;
  const { value, loading, error } = useAsync(() => {
    const { from, to } = resolveTimeRange(query.range, Date.now());
    return api.getTraces(entityRef, {
      q: query.condition.trim() || undefined,
      from,
      to,
      limit: query.limit,
    });
  }, [api, entityRef, query]);
  if (loading) {
    return <Progress />;
  }
  if (error || !value) {
    return (
      <SignalErrorPanel
        what="traces"
        error={error ?? new Error('empty response')}
      />
    );
  }
  if (value.items.length === 0) {
    return (
      <EmptyState
        missing="data"
        title="No traces"
        description="No trace of this service matched in this time range: widen the range or loosen the condition."
      />
    );
  }
  return <TraceResultsTable traces={value.items} />;
}

/**
 * Entity content tab with the entity's traces.
 * @public
 */
export function EntityTracesContent(props: EntityTracesContentProps) {
  const { logsPath = '../logs' } = props;
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity);
  const [searchParams, setSearchParams] = useSearchParams();
  const search = useQueryDraft<'condition', TracesQuery>(
    () => ({ condition: '', range: { preset: '1h' }, limit: 20 }),
    'condition',
  );
  const { query } = search;
  const traceId = searchParams.get('traceId')?.toLocaleLowerCase('en-US');

  if (traceId) {
    return (
      <TraceView
        entityRef={entityRef}
        traceId={traceId}
        logsPath={logsPath}
        onBack={() => {
          const next = new URLSearchParams(searchParams);
          next.delete('traceId');
          setSearchParams(next);
        }}
      />
    );
  }
  return (
    <Box>
      <TraceSearch search={search} />
      <ReleaseStrip entityRef={entityRef} range={query.range} />
      <TraceSearchResults entityRef={entityRef} query={query} />
    </Box>
  );
}
