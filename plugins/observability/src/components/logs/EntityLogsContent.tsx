/*
 * The Logs tab: the entity's log lines from Loki through the backend, filtered with a LogQL
 * pipeline, by level and time range, newest or oldest first, in a virtualised list whose trace
 * ids link to the Traces tab. Opened with `?traceId=…&from=…&to=…` it shows the logs of a trace.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { EmptyState, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { observabilityApiRef } from '../../api/ObservabilityApi';
import { logLevelOf } from '../../lib/logLevel';
import { isTraceId, traceIdLineFilter } from '../../lib/signalLinks';
import { resolveTimeRange, timeRangeFromParams } from '../../lib/timeRange';
import { FlexRow } from '../shared/FlexRow';
import { useQueryDraft } from '../shared/useQueryDraft';
import { SignalErrorPanel } from '../shared/SignalErrorPanel';
import { LogList } from './LogList';
import { LogsActions } from './LogsActions';
import { ReleaseStrip } from '../releases/ReleaseStrip';
import { LevelFilter, LogsQuery, LogsToolbar } from './LogsToolbar';

/** Props of {@link EntityLogsContent}. @public */
export interface EntityLogsContentProps {
  /**
   * Path of the Traces tab relative to this tab, for trace links; default `../traces` (the
   * sibling tab). Resolved against the current URL path.
   */
  tracesPath?: string;
  /** Default line limit; 1,000 unless set. */
  defaultLimit?: number;
}

function initialQuery(
  params: URLSearchParams,
  defaultLimit: number,
): LogsQuery {
  const traceId = params.get('traceId');
  return {
    filter: traceId && isTraceId(traceId) ? traceIdLineFilter(traceId) : '',
    range: timeRangeFromParams(params.get('from'), params.get('to')) ?? {
      preset: '1h',
    },
    direction: 'backward',
    limit: defaultLimit,
  };
}

/**
 * Entity content tab with the entity's logs.
 * @public
 */
export function EntityLogsContent(props: EntityLogsContentProps) {
  const { tracesPath = '../traces', defaultLimit = 1000 } = props;
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity);
  const api = useApi(observabilityApiRef);
  const [searchParams] = useSearchParams();
  const search = useQueryDraft(
    () => initialQuery(searchParams, defaultLimit),
    'filter',
  );
  const { query } = search;
  const [level, setLevel] = useState<LevelFilter>('all');
  const [expanded, setExpanded] = useState<ReadonlySet<number>>(new Set());

  const { value, loading, error } = useAsync(() => {
    const { from, to } = resolveTimeRange(query.range, Date.now());
    return api.getLogs(entityRef, {
      filter: query.filter || undefined,
      from,
      to,
      limit: query.limit,
      direction: query.direction,
    });
  }, [api, entityRef, query]);

  const shown = useMemo(
    () =>
      level === 'all'
        ? value?.items ?? []
        : (value?.items ?? []).filter(entry => logLevelOf(entry) === level),
    [value, level],
  );
  useEffect(() => setExpanded(new Set()), [shown]);
  const toggle = useCallback((index: number) => {
    setExpanded(current => {
      const next = new Set(current);
      if (!next.delete(index)) {
        next.add(index);
      }
      return next;
    });
  }, []);

  let body;
  if (loading) {
    body = <Progress />;
  } else if (error) {
    body = <SignalErrorPanel what="logs" error={error} />;
  } else if (shown.length === 0) {
    body = (
      <EmptyState
        missing="data"
        title="No log lines"
        description={
          value?.items.length
            ? 'No line has the selected level: choose another level or “All levels”.'
            : 'Nothing matched in this time range: widen the range or loosen the filter.'
        }
      />
    );
  } else {
    body = (
      <LogList
        entries={shown}
        expanded={expanded}
        onToggle={toggle}
        tracesPath={tracesPath}
      />
    );
  }

  return (
    <Box>
      <LogsToolbar search={search} level={level} onLevelChange={setLevel} />
      <FlexRow spread mb={1}>
        <Typography variant="body2" role="status">
          {value && !loading
            ? `${shown.length.toLocaleString(
                'en-US',
              )} of ${value.items.length.toLocaleString('en-US')} lines${
                value.items.length >= query.limit ? ' (limit reached)' : ''
              }`
            : ''}
        </Typography>
        <LogsActions entries={shown} entityName={entity.metadata.name} />
      </FlexRow>
      <ReleaseStrip entityRef={entityRef} range={query.range} />
      {body}
    </Box>
  );
}
