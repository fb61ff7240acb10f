/*
 * Controls of the Logs tab: LogQL pipeline filter (validated as you type), level, order, line
 * limit and time range.
 */
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import { makeStyles } from '@material-ui/core/styles';
import { useUniqueId } from '../../lib/useUniqueId';
import { LOG_LEVELS, LogLevel } from '../../lib/logLevel';
import { TimeRange } from '../../lib/timeRange';
import { validateLogqlPipeline } from '@lookout/plugin-observability-common';
import { PaperPanel } from '../shared/PaperPanel';
import { QueryInput } from '../shared/QueryInput';
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

function toLevelFilter(value: unknown): LevelFilter {
  return LOG_LEVELS.find(level => level === value) ?? 'all';
}

const useStyles = makeStyles(theme => ({
  controls: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(2),
    marginTop: theme.spacing(1),
  },
  select: { minWidth: 140 },
}));

/** Props of {@link LogsToolbar}. */
export interface LogsToolbarProps {
  draftFilter: string;
  onDraftFilterChange: (text: string) => void;
  query: LogsQuery;
  onQueryChange: (query: LogsQuery) => void;
  level: LevelFilter;
  onLevelChange: (level: LevelFilter) => void;
}

/** Filter field on top, the other controls in a row below. */
export function LogsToolbar(props: LogsToolbarProps) {
  const classes = useStyles();
  const idPrefix = useUniqueId('lookout-logs');
  const { query, onQueryChange } = props;
  return (
    <PaperPanel label="Log search">
      <QueryInput
        label="LogQL pipeline"
        placeholder='|= "timeout" | json | status >= 500'
        helperText="Appended to the entity's stream selector: line filters, parsers, label filters, formatting."
        value={props.draftFilter}
        validate={validateLogqlPipeline}
        onChange={props.onDraftFilterChange}
        onSubmit={() => onQueryChange({ ...query, filter: props.draftFilter })}
      />
      <div className={classes.controls}>
        <TextField
          select
          className={classes.select}
          id={`${idPrefix}-level`}
          label="Level"
          size="small"
          variant="outlined"
          value={props.level}
          onChange={event =>
            props.onLevelChange(toLevelFilter(event.target.value))
          }
        >
          <MenuItem value="all">All levels</MenuItem>
          {LOG_LEVELS.map(level => (
            <MenuItem key={level} value={level}>
              {level}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          select
          className={classes.select}
          id={`${idPrefix}-order`}
          label="Order"
          size="small"
          variant="outlined"
          value={query.direction}
          onChange={event =>
            onQueryChange({
              ...query,
              direction:
                event.target.value === 'forward' ? 'forward' : 'backward',
            })
          }
        >
          <MenuItem value="backward">Newest first</MenuItem>
          <MenuItem value="forward">Oldest first</MenuItem>
        </TextField>
        <TextField
          select
          className={classes.select}
          id={`${idPrefix}-lines`}
          label="Lines"
          size="small"
          variant="outlined"
          value={query.limit}
          onChange={event =>
            onQueryChange({ ...query, limit: Number(event.target.value) })
          }
        >
          {LOG_LIMITS.map(limit => (
            <MenuItem key={limit} value={limit}>
              {limit.toLocaleString('en-US')}
            </MenuItem>
          ))}
        </TextField>
        <TimeRangePicker
          value={query.range}
          onChange={range => onQueryChange({ ...query, range })}
        />
      </div>
    </PaperPanel>
  );
}
