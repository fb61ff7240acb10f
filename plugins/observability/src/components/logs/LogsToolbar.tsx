/*
 * Controls of the Logs tab: LogQL pipeline filter (validated as you type), level, order, line
 * limit and time range.
 */
import { useUniqueId } from '../../lib/useUniqueId';
import { LOG_LEVELS, LogLevel } from '../../lib/logLevel';
import { TimeRange } from '../../lib/timeRange';
import { validateLogqlPipeline } from '@lookout/plugin-observability-common';
import { FlexRow } from '../shared/FlexRow';
import { PaperPanel } from '../shared/PaperPanel';
import { QueryInput } from '../shared/QueryInput';
import { QueryDraft } from '../shared/useQueryDraft';
import { SelectField, SelectOption } from '../shared/SelectField';
import { TimeRangePicker } from '../shared/TimeRangePicker';

/** Line limits offered; Loki usually caps a query at 5,000 lines. */
export const LOG_LIMITS = [100, 500, 1000, 5000] as const;

/** A level to keep, or every line. */
export type LevelFilter = Exclude<LogLevel, 'unknown'> | 'all';

/** The server-side part of a logs query. */
export interface LogsQuery {
  filter: string;
  range: TimeRange;
  direction: 'backward' | 'forward';
  limit: number;
}

const LEVEL_OPTIONS: ReadonlyArray<SelectOption<LevelFilter>> = [
  { value: 'all', label: 'All levels' },
  ...LOG_LEVELS.map(level => ({ value: level, label: level })),
];

const ORDER_OPTIONS: ReadonlyArray<SelectOption<LogsQuery['direction']>> = [
  { value: 'backward', label: 'Newest first' },
  { value: 'forward', label: 'Oldest first' },
];

const LIMIT_OPTIONS = LOG_LIMITS.map(limit => ({
  value: limit as number,
  label: limit.toLocaleString('en-US'),
}));

/** Width of the selects, in pixels. */
const SELECT_WIDTH = 140;

/** Props of {@link LogsToolbar}. */
export interface LogsToolbarProps {
  search: QueryDraft<LogsQuery>;
  level: LevelFilter;
  onLevelChange: (level: LevelFilter) => void;
}

/** Filter field on top, the other controls in a row below. */
export function LogsToolbar(props: LogsToolbarProps) {
  const idPrefix = useUniqueId('lookout-logs');
  const { search } = props;
  const { query, setQuery: onQueryChange } = search;
  return (
    <PaperPanel label="Log search">
      <QueryInput
        label="LogQL pipeline"
        placeholder='|= "timeout" | json | status >= 500'
        helperText="Appended to the entity's stream selector: line filters, parsers, label filters, formatting."
        validate={validateLogqlPipeline}
        search={search}
      />
      <FlexRow wrap gap={2} mt={1}>
        <SelectField
          id={`${idPrefix}-level`}
          label="Level"
          value={props.level}
          options={LEVEL_OPTIONS}
          onChange={props.onLevelChange}
          minWidth={SELECT_WIDTH}
        />
        <SelectField
          id={`${idPrefix}-order`}
          label="Order"
          value={query.direction}
          options={ORDER_OPTIONS}
          onChange={direction => onQueryChange({ ...query, direction })}
          minWidth={SELECT_WIDTH}
        />
        <SelectField
          id={`${idPrefix}-lines`}
          label="Lines"
          value={query.limit}
          options={LIMIT_OPTIONS}
          onChange={limit => onQueryChange({ ...query, limit })}
          minWidth={SELECT_WIDTH}
        />
        <TimeRangePicker
          value={query.range}
          onChange={range => onQueryChange({ ...query, range })}
        />
      </FlexRow>
    </PaperPanel>
  );
}
