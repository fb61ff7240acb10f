/*
 * The entity's SLOs as declared (name, objective, window, indicator) joined with their live
 * status (budget remaining, state) when the SLO status route answers.
 */
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { SloSpec, SloStatus } from '@lookout/plugin-observability-common';
import { formatPercent } from '../../lib/format';
import { describeIndicator } from '../../lib/indicator';
import { sloState } from '../../lib/sloState';
import { InlineSignalError } from '../shared/InlineSignalError';
import { SloStateLabel } from '../shared/SloStateLabel';
import { CardSection } from './CardSection';

const useStyles = makeStyles(theme => ({
  table: {
    '& td, & th': { verticalAlign: 'top' },
  },
  slo: { minWidth: 160 },
  indicator: {
    display: 'block',
    marginTop: theme.spacing(0.5),
    overflowWrap: 'anywhere',
    fontFamily: 'monospace',
  },
  figure: { whiteSpace: 'nowrap' },
}));

/** Props of {@link CardSlos}. */
export interface CardSlosProps {
  slos: SloSpec[];
  /** Live status by SLO name; undefined while loading or on error. */
  statuses?: SloStatus[];
  loading: boolean;
  error?: Error;
}

/**
 * One row per declared SLO: name with its indicator under it, objective over the window, budget
 * left and state; the figures never wrap.
 */
export function CardSlos(props: CardSlosProps) {
  const classes = useStyles();
  const { slos, statuses, loading, error } = props;
  if (slos.length === 0) {
    return (
      <CardSection title="SLOs">
        <Typography variant="body2" color="textSecondary">
          No SLOs declared (add lookout.dev/slo-availability,
          lookout.dev/slo-latency or lookout.dev/slos).
        </Typography>
      </CardSection>
    );
  }
  const byName = new Map(statuses?.map(status => [status.name, status]));
  return (
    <CardSection title="SLOs">
      <Table size="small" aria-label="SLOs" className={classes.table}>
        <TableHead>
          <TableRow>
            <TableCell>SLO</TableCell>
            <TableCell align="right" className={classes.figure}>
              Objective
            </TableCell>
            <TableCell align="right" className={classes.figure}>
              Budget left
            </TableCell>
            <TableCell className={classes.figure}>State</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {slos.map(slo => {
            const status = byName.get(slo.name);
            let budget = '–';
            if (status) {
              budget = formatPercent(status.errorBudgetRemaining);
            } else if (loading) {
              budget = '…';
            }
            return (
              <TableRow key={slo.name}>
                <TableCell className={classes.slo}>
                  <Typography variant="body2" component="span">
                    {slo.name}
                  </Typography>
                  <Typography
                    variant="caption"
                    color="textSecondary"
                    component="code"
                    className={classes.indicator}
                  >
                    {describeIndicator(slo.indicator)}
                  </Typography>
                </TableCell>
                <TableCell align="right" className={classes.figure}>
                  {formatPercent(slo.objective / 100)} / {slo.window}
                </TableCell>
                <TableCell align="right" className={classes.figure}>
                  {budget}
                </TableCell>
                <TableCell className={classes.figure}>
                  {status ? <SloStateLabel state={sloState(status)} /> : '–'}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
      {error && <InlineSignalError what="SLO status" error={error} />}
    </CardSection>
  );
}
