/*
 * A panel of a tab (query controls, trace summary, span details) on the paper background, where
 * the secondary text of labels and hints keeps a readable contrast (on the page's grey background
 * it does not reach 4.5:1).
 */
import { PropsWithChildren } from 'react';
import Paper from '@material-ui/core/Paper';
import { makeStyles } from '@material-ui/core/styles';

const useStyles = makeStyles(theme => ({
  panel: {
    padding: theme.spacing(2),
    marginBottom: theme.spacing(2),
  },
}));

/** An outlined paper: a section named by `label`, or a plain box without one. */
export function PaperPanel(props: PropsWithChildren<{ label?: string }>) {
  const classes = useStyles();
  return (
    <Paper
      variant="outlined"
      component={props.label ? 'section' : 'div'}
      aria-label={props.label}
      className={classes.panel}
    >
      {props.children}
    </Paper>
  );
}
