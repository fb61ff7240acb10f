/*
 * Search form of the Traces tab: a TraceQL condition (validated as you type), the time range
 * and the number of traces.
 */
import { useUniqueId } from '../../lib/useUniqueId';
import { TimeRange } from '../../lib/timeRange';
import { validateTraceqlCondition } from '@lookout/plugin-observability-common';
import { FlexRow } from '../shared/FlexRow';
import { PaperPanel } from '../shared/PaperPanel';
import { QueryInput } from '../shared/QueryInput';
import { QueryDraft } from '../shared/useQueryDraft';
import { SelectField } from '../shared/SelectField';
import { TimeRangePicker } from '../shared/TimeRangePicker';

/** Result counts offered. */
export const TRACE_LIMITS = [20, 50, 100, 500] as const;

const LIMIT_OPTIONS = TRACE_LIMITS.map(limit => ({
  value: limit as number,
  label: String(limit),
}));

/** The server-side part of a traces search. */
export interface TracesQuery {
  condition: string;
  range: TimeRange;
  limit: number;
}

/** Props of {@link TraceSearch}. */
export interface TraceSearchProps {
  search: QueryDraft<TracesQuery>;
}

/** Condition field, then range and limit. */
export function TraceSearch(props: TraceSearchProps) {
  const { search } = props;
  const { query, setQuery: onQueryChange } = search;
  const id = useUniqueId('lookout-traces-limit');
  return (
    <PaperPanel label="Trace search">
      <QueryInput
        label="TraceQL condition"
        placeholder="status = error && duration > 1s"
        helperText={`And-ed with the entity's service, e.g. span.http.status_code >= 500 or name = "GET /cart".`}
        validate={validateTraceqlCondition}
        search={search}
      />
      <FlexRow wrap gap={2} mt={1}>
        <SelectField
          id={id}
          label="Traces"
          value={query.limit}
          options={LIMIT_OPTIONS}
          onChange={limit => onQueryChange({ ...query, limit })}
          minWidth={120}
        />
        <TimeRangePicker
          value={query.range}
          onChange={range => onQueryChange({ ...query, range })}
        />
      </FlexRow>
    </PaperPanel>
  );
}
