/*
 * Search form of the Traces tab: a TraceQL condition (validated as you type), the time range
 * and the number of traces.
 */
import Box from '@material-ui/core/Box';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import { useUniqueId } from '../../lib/useUniqueId';
import { TimeRange } from '../../lib/timeRange';
import { validateTraceqlCondition } from '@lookout/plugin-observability-common';
import { PaperPanel } from '../shared/PaperPanel';
import { QueryInput } from '../shared/QueryInput';
import { TimeRangePicker } from '../shared/TimeRangePicker';

/** Result counts offered. */
export const TRACE_LIMITS = [20, 50, 100, 500] as const;

/** The server-side part of a traces search. */
export interface TracesQuery {
  condition: string;
  range: TimeRange;
  limit: number;
}

/** Props of {@link TraceSearch}. */
export interface TraceSearchProps {
  draftCondition: string;
  onDraftConditionChange: (text: string) => void;
  query: TracesQuery;
  onQueryChange: (query: TracesQuery) => void;
}

/** Condition field, then range and limit. */
export function TraceSearch(props: TraceSearchProps) {
  const { query, onQueryChange } = props;
  const id = useUniqueId('lookout-traces-limit');
  return (
    <PaperPanel label="Trace search">
      <QueryInput
        label="TraceQL condition"
        placeholder="status = error && duration > 1s"
        helperText={`And-ed with the entity's service, e.g. span.http.status_code >= 500 or name = "GET /cart".`}
        value={props.draftCondition}
        validate={validateTraceqlCondition}
        onChange={props.onDraftConditionChange}
        onSubmit={() =>
          onQueryChange({ ...query, condition: props.draftCondition })
        }
      />
      <Box
        display="flex"
        alignItems="center"
        flexWrap="wrap"
        mt={1}
        style={{ gap: 16 }}
      >
        <TextField
          select
          id={id}
          label="Traces"
          size="small"
          variant="outlined"
          value={query.limit}
          onChange={event =>
            onQueryChange({ ...query, limit: Number(event.target.value) })
          }
          style={{ minWidth: 120 }}
        >
          {TRACE_LIMITS.map(limit => (
            <MenuItem key={limit} value={limit}>
              {limit}
            </MenuItem>
          ))}
        </TextField>
        <TimeRangePicker
          value={query.range}
          onChange={range => onQueryChange({ ...query, range })}
        />
      </Box>
    </PaperPanel>
  );
}
