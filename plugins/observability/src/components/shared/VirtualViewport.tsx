/*
 * The scrolling box of a virtualised list (the log lines, a trace's waterfall): a fixed height on
 * the paper background, and inside it a space as tall as all rows, in which the rendered rows are
 * placed with `virtualRowStyle`.
 */
import { forwardRef, PropsWithChildren } from 'react';
import { makeStyles } from '@material-ui/core/styles';

const useStyles = makeStyles(theme => ({
  viewport: {
    overflow: 'auto',
    border: `1px solid ${theme.palette.divider}`,
    borderRadius: theme.shape.borderRadius,
    background: theme.palette.background.paper,
  },
}));

/** Props of {@link VirtualViewport}. */
export interface VirtualViewportProps {
  /** Height of the viewport, in pixels. */
  height: number;
  /** Height of all rows together (the virtualiser's total size), in pixels. */
  totalSize: number;
  /** ARIA role of the list, e.g. `list` or `tree`. */
  role: string;
  /** The list's accessible name. */
  label: string;
}

/** The viewport; its ref is the virtualiser's scroll element. */
export const VirtualViewport = forwardRef<
  HTMLDivElement,
  PropsWithChildren<VirtualViewportProps>
>(function ScrollingViewport(props, ref) {
  const classes = useStyles();
  return (
    <div
      ref={ref}
      className={classes.viewport}
      style={{ height: props.height }}
      role={props.role}
      aria-label={props.label}
    >
      <div style={{ height: props.totalSize, position: 'relative' }}>
        {props.children}
      </div>
    </div>
  );
});
