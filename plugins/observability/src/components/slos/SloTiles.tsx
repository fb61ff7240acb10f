/*
 * The headline figures of one SLO: objective, error ratio over the window, budget remaining and
 * state.
 */
import { ReactNode } from 'react';
import Grid from '@material-ui/core/Grid';
import Paper from '@material-ui/core/Paper';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { SloStatus } from '@lookout/plugin-observability-common';
import { formatPercent } from '../../lib/format';
import { sloState } from '../../lib/sloState';
import { SloStateLabel } from '../shared/SloStateLabel';

const useStyles = makeStyles(theme => ({
  tile: { padding: theme.spacing(1.5, 2), height: '100%' },
  value: { fontSize: '1.5rem', fontWeight: 500 },
}));

function Tile(props: { label: string; value: ReactNode; detail?: string }) {
  const classes = useStyles();
  return (
    <Paper
      variant="outlined"
      className={classes.tile}
      role="group"
      aria-label={props.label}
    >
      <Typography variant="overline" color="textSecondary" component="p">
        {props.label}
      </Typography>
      <Typography className={classes.value} component="p">
        {props.value}
      </Typography>
      {props.detail && (
        <Typography variant="caption" color="textSecondary" component="p">
          {props.detail}
        </Typography>
      )}
    </Paper>
  );
}

/** Props of {@link SloTiles}. */
export interface SloTilesProps {
  status: SloStatus;
}

/** Four tiles in a row (two on small screens). */
export function SloTiles(props: SloTilesProps) {
  const { status } = props;
  const allowed = 1 - status.objective;
  return (
    <Grid container spacing={2}>
      <Grid item xs={6} md={3}>
        <Tile
          label="Objective"
          value={formatPercent(status.objective)}
          detail={`over ${status.window}`}
        />
      </Grid>
      <Grid item xs={6} md={3}>
        <Tile
          label="Error ratio"
          value={formatPercent(status.errorRatio)}
          detail={`allowed ${formatPercent(allowed)} over ${status.window}`}
        />
      </Grid>
      <Grid item xs={6} md={3}>
        <Tile
          label="Budget remaining"
          value={formatPercent(status.errorBudgetRemaining)}
          detail="of the error budget"
        />
      </Grid>
      <Grid item xs={6} md={3}>
        <Tile
          label="State"
          value={<SloStateLabel state={sloState(status)} />}
        />
      </Grid>
    </Grid>
  );
}
