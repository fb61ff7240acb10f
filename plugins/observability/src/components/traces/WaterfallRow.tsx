/*
 * One span of the waterfall: indentation and collapse toggle, service and operation, and a bar
 * placed on the trace's time axis.
 */
import { memo } from 'react';
import ButtonBase from '@material-ui/core/ButtonBase';
import IconButton from '@material-ui/core/IconButton';
import { makeStyles } from '@material-ui/core/styles';
import ChevronRightIcon from '@material-ui/icons/ChevronRight';
import ExpandMoreIcon from '@material-ui/icons/ExpandMore';
import { formatDurationNs } from '../../lib/format';
import { SpanRow } from '../../lib/spanTree';
import { serviceColor } from './serviceColor';
import { readableColor } from '../../lib/readableColor';

/** Height of a waterfall row, in pixels. */
export const WATERFALL_ROW_HEIGHT = 28;
const INDENT = 14;

const useStyles = makeStyles(theme => ({
  row: {
    display: 'flex',
    alignItems: 'center',
    height: WATERFALL_ROW_HEIGHT,
    fontSize: '0.8rem',
    borderBottom: `1px solid ${theme.palette.divider}`,
  },
  selected: {
    background: theme.palette.action.selected,
    '& $duration': { color: theme.palette.text.primary },
  },
  name: {
    display: 'flex',
    alignItems: 'center',
    width: '40%',
    minWidth: 0,
    flexShrink: 0,
    whiteSpace: 'nowrap',
  },
  toggle: { width: 24, flexShrink: 0 },
  select: {
    flex: 1,
    minWidth: 0,
    height: '100%',
    justifyContent: 'flex-start',
    '&:focus-visible': { outline: `2px solid ${theme.palette.primary.main}` },
  },
  label: {
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    paddingRight: theme.spacing(1),
  },
  service: { color: theme.palette.text.secondary },
  error: {
    color: readableColor(
      theme.palette.error.main,
      theme.palette.background.paper,
    ),
    fontWeight: 600,
  },
  timeline: { position: 'relative', flex: 1, height: '100%' },
  bar: {
    position: 'absolute',
    top: 7,
    height: 12,
    borderRadius: 2,
    minWidth: 1,
  },
  errorBar: { background: theme.palette.error.main },
  duration: {
    position: 'absolute',
    top: 5,
    fontSize: '0.7rem',
    color: theme.palette.text.secondary,
    whiteSpace: 'nowrap',
  },
}));

/** Props of {@link WaterfallRow}. */
export interface WaterfallRowProps {
  row: SpanRow;
  /** Trace start and length in epoch ms, for the bar position. */
  traceStart: number;
  traceDuration: number;
  selected: boolean;
  onSelect: (spanId: string) => void;
  onToggle: (spanId: string) => void;
}

/** A tree item with a toggle (when it has children) and a selectable label and bar. */
export const WaterfallRow = memo(function WaterfallRowComponent(
  props: WaterfallRowProps,
) {
  const classes = useStyles();
  const { row, traceStart, traceDuration, selected, onSelect, onToggle } =
    props;
  const { span } = row;
  const durationMs = span.durationNs / 1e6;
  const left =
    traceDuration > 0 ? ((span.start - traceStart) / traceDuration) * 100 : 0;
  const width = traceDuration > 0 ? (durationMs / traceDuration) * 100 : 100;
  const isError = span.status === 'error';
  return (
    <div
      role="treeitem"
      aria-level={row.depth + 1}
      aria-expanded={row.hasChildren ? !row.collapsed : undefined}
      aria-selected={selected}
      aria-label={`${span.service} ${span.name} ${formatDurationNs(
        span.durationNs,
      )}${isError ? ' error' : ''}`}
      className={`${classes.row} ${selected ? classes.selected : ''}`}
    >
      <div className={classes.name} style={{ paddingLeft: row.depth * INDENT }}>
        <span className={classes.toggle}>
          {row.hasChildren && (
            <IconButton
              size="small"
              aria-label={
                row.collapsed ? `Expand ${span.name}` : `Collapse ${span.name}`
              }
              onClick={() => onToggle(span.spanId)}
            >
              {row.collapsed ? (
                <ChevronRightIcon fontSize="small" />
              ) : (
                <ExpandMoreIcon fontSize="small" />
              )}
            </IconButton>
          )}
        </span>
        <ButtonBase
          className={classes.select}
          onClick={() => onSelect(span.spanId)}
        >
          <span className={classes.label}>
            <span className={classes.service}>{span.service}</span>{' '}
            <span className={isError ? classes.error : undefined}>
              {span.name}
            </span>
          </span>
        </ButtonBase>
      </div>{' '}
      <div className={classes.timeline} aria-hidden>
        <div
          className={`${classes.bar} ${isError ? classes.errorBar : ''}`}
          style={{
            left: `${left}%`,
            width: `${width}%`,
            background: isError ? undefined : serviceColor(span.service),
          }}
        />
        <span
          className={classes.duration}
          style={
            left + width > 80
              ? { right: `calc(${100 - left}% + 4px)` }
              : { left: `calc(${left + width}% + 4px)` }
          }
        >
          {formatDurationNs(span.durationNs)}
        </span>
      </div>
    </div>
  );
});
