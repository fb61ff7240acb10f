/*
 * The multi-window burn-rate alert tiers of one SLO with the current burn rates: which tier is
 * over its threshold and which alert fires.
 */
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import {
  StatusError,
  StatusOK,
  StatusWarning,
} from '@backstage/core-components';
import { SloStatus } from '@lookout/plugin-observability-common';
import { BurnRateRow, burnRateRows } from '../../lib/burnRateRows';
import { formatBurnRate } from '../../lib/format';

/** Props of {@link BurnRateTable}. */
export interface BurnRateTableProps {
  status: SloStatus;
}

function TierState(props: { row: BurnRateRow }) {
  if (props.row.firing) {
    return <StatusError>Firing</StatusError>;
  }
  if (props.row.exceeding) {
    return <StatusWarning>Over threshold</StatusWarning>;
  }
  return <StatusOK>Within budget</StatusOK>;
}

/** One row per tier: windows, threshold factor, long/short burn rates, state. */
export function BurnRateTable(props: BurnRateTableProps) {
  const rows = burnRateRows(props.status);
  return (
    <Table size="small" aria-label={`Burn rates of ${props.status.name}`}>
      <TableHead>
        <TableRow>
          <TableCell>Severity</TableCell>
          <TableCell>Long window</TableCell>
          <TableCell>Short window</TableCell>
          <TableCell align="right">Threshold</TableCell>
          <TableCell align="right">Burn rate (long)</TableCell>
          <TableCell align="right">Burn rate (short)</TableCell>
          <TableCell>State</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map(row => (
          <TableRow key={`${row.severity}-${row.longWindow}`}>
            <TableCell>{row.severity}</TableCell>
            <TableCell>{row.longWindow}</TableCell>
            <TableCell>{row.shortWindow}</TableCell>
            <TableCell align="right">
              {Number.isNaN(row.factor) ? '–' : formatBurnRate(row.factor)}
            </TableCell>
            <TableCell align="right">{formatBurnRate(row.longRate)}</TableCell>
            <TableCell align="right">{formatBurnRate(row.shortRate)}</TableCell>
            <TableCell>
              <TierState row={row} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
