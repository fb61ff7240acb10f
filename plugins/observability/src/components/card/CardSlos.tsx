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
import { SloSpec, SloStatus } from '@lookout/plugin-observability-common';
import { formatPercent } from '../../lib/format';
import { describeIndicator } from '../../lib/indicator';
import { sloState } from '../../lib/sloState';
import { InlineSignalError } from '../shared/InlineSignalError';
import { SloStateLabel } from '../shared/SloStateLabel';
import { CardSection } from './CardSection';

/** Props of {@link CardSlos}. */
export interface CardSlosProps {
  slos: SloSpec[];
  /** Live status by SLO name; undefined while loading or on error. */
  statuses?: SloStatus[];
  loading: boolean;
  error?: Error;
}

/** One row per declared SLO. */
export function CardSlos(props: CardSlosProps) {
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
      <Table size="small" aria-label="SLOs">
        <TableHead>
          <TableRow>
            <TableCell>SLO</TableCell>
            <TableCell align="right">Objective</TableCell>
            <TableCell>Window</TableCell>
            <TableCell>Indicator</TableCell>
            <TableCell align="right">Budget remaining</TableCell>
            <TableCell>State</TableCell>
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
                <TableCell>{slo.name}</TableCell>
                <TableCell align="right">
                  {formatPercent(slo.objective / 100)}
                </TableCell>
                <TableCell>{slo.window}</TableCell>
                <TableCell>
                  <Typography variant="caption" component="code">
                    {describeIndicator(slo.indicator)}
                  </Typography>
                </TableCell>
                <TableCell align="right">{budget}</TableCell>
                <TableCell>
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
