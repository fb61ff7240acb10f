/*
 * One line of the log list: expand toggle, timestamp, level and text (trace id linked); its
 * details below when expanded.
 */
import { memo } from 'react';
import IconButton from '@material-ui/core/IconButton';
import { makeStyles, Theme } from '@material-ui/core/styles';
import ChevronRightIcon from '@material-ui/icons/ChevronRight';
import ExpandMoreIcon from '@material-ui/icons/ExpandMore';
import { LogEntry } from '@lookout/plugin-observability-common';
import { formatTimestamp } from '../../lib/format';
import { LogLevel, logLevelOf } from '../../lib/logLevel';
import { LogDetails } from './LogDetails';
import { LogLineText } from './LogLineText';
import { readableColor } from '../../lib/readableColor';

/** Height of a collapsed row, in pixels. */
export const LOG_ROW_HEIGHT = 28;

function levelColor(theme: Theme, level: LogLevel): string {
  const background = theme.palette.background.paper;
  switch (level) {
    case 'error':
      return readableColor(theme.palette.error.main, background);
    case 'warn':
      return readableColor(theme.palette.warning.main, background);
    case 'info':
      return readableColor(theme.palette.info.main, background);
    default:
      return theme.palette.text.secondary;
  }
}

const useStyles = makeStyles(theme => ({
  row: {
    display: 'flex',
    alignItems: 'center',
    minHeight: LOG_ROW_HEIGHT,
    gap: theme.spacing(1),
    fontFamily: 'monospace',
    fontSize: '0.8rem',
    borderBottom: `1px solid ${theme.palette.divider}`,
    '&:hover': { background: theme.palette.action.hover },
  },
  time: { color: theme.palette.text.secondary, whiteSpace: 'nowrap' },
  text: {
    flex: 1,
    minWidth: 0,
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
  },
  textExpanded: {
    flex: 1,
    minWidth: 0,
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
  },
}));

/** Props of {@link LogRow}. */
export interface LogRowProps {
  entry: LogEntry;
  index: number;
  expanded: boolean;
  onToggle: (index: number) => void;
  tracesPath: string;
}

/** A memoised row, so that scrolling 5,000 lines only renders the rows that change. */
export const LogRow = memo(function LogRowComponent(props: LogRowProps) {
  const classes = useStyles();
  const { entry, index, expanded, onToggle, tracesPath } = props;
  const level = logLevelOf(entry);
  return (
    <>
      <div className={classes.row}>
        <IconButton
          size="small"
          aria-expanded={expanded}
          aria-label={expanded ? 'Hide line details' : 'Show line details'}
          onClick={() => onToggle(index)}
        >
          {expanded ? (
            <ExpandMoreIcon fontSize="small" />
          ) : (
            <ChevronRightIcon fontSize="small" />
          )}
        </IconButton>
        <span className={classes.time}>{formatTimestamp(entry.timestamp)}</span>
        <LevelText level={level} />
        <span className={expanded ? classes.textExpanded : classes.text}>
          <LogLineText
            line={entry.line}
            traceId={entry.traceId}
            tracesPath={tracesPath}
          />
        </span>
      </div>
      {expanded && <LogDetails entry={entry} tracesPath={tracesPath} />}
    </>
  );
});

const useLevelStyles = makeStyles<Theme, { level: LogLevel }>(theme => ({
  level: {
    width: 48,
    flexShrink: 0,
    textTransform: 'uppercase',
    fontWeight: 600,
    color: ({ level }) => levelColor(theme, level),
  },
}));

function LevelText(props: { level: LogLevel }) {
  const classes = useLevelStyles(props);
  return (
    <span className={classes.level}>
      {props.level === 'unknown' ? '' : props.level}
    </span>
  );
}
