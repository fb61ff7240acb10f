/*
 * The rows of the SLO overview: entity, SLO (linking to the entity's SLOs tab), owner, objective,
 * window, error ratio, budget remaining and state, sortable by state and budget.
 */
import {
  EntityRefLink,
  useEntityRefLink,
} from '@backstage/plugin-catalog-react';
import { Link } from '@backstage/core-components';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import TableSortLabel from '@material-ui/core/TableSortLabel';
import { SloSummary } from '@lookout/plugin-observability-common';
import { formatPercent } from '../../lib/format';
import { SloSort, SloSortKey, sortSlos } from '../../lib/sortSlos';
import { SloStateLabel } from '../shared/SloStateLabel';

/** Props of {@link SloOverviewTable}. */
export interface SloOverviewTableProps {
  rows: SloSummary[];
  sort: SloSort;
  onSortChange: (sort: SloSort) => void;
  /** Path of the SLOs tab below an entity page; default `slos`. */
  slosTabPath: string;
}

function SortHeader(props: {
  column: SloSortKey;
  label: string;
  sort: SloSort;
  onSortChange: (sort: SloSort) => void;
  align?: 'right';
}) {
  const { column, sort } = props;
  const active = sort.by === column;
  return (
    <TableCell
      align={props.align}
      sortDirection={active ? sort.direction : false}
    >
      <TableSortLabel
        active={active}
        direction={active ? sort.direction : 'asc'}
        onClick={() =>
          props.onSortChange({
            by: column,
            direction: active && sort.direction === 'asc' ? 'desc' : 'asc',
          })
        }
      >
        {props.label}
      </TableSortLabel>
    </TableCell>
  );
}

/** One row per SLO of the current page, sorted. */
export function SloOverviewTable(props: SloOverviewTableProps) {
  const entityLink = useEntityRefLink();
  const rows = sortSlos(props.rows, props.sort);
  return (
    <Table size="small" aria-label="Service level objectives">
      <TableHead>
        <TableRow>
          <TableCell>Entity</TableCell>
          <TableCell>SLO</TableCell>
          <TableCell>Owner</TableCell>
          <TableCell align="right">Objective</TableCell>
          <TableCell>Window</TableCell>
          <TableCell align="right">Error ratio</TableCell>
          <SortHeader
            column="budget"
            label="Budget remaining"
            align="right"
            sort={props.sort}
            onSortChange={props.onSortChange}
          />
          <SortHeader
            column="state"
            label="State"
            sort={props.sort}
            onSortChange={props.onSortChange}
          />
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map(row => (
          <TableRow key={`${row.entityRef}/${row.name}`} hover>
            <TableCell>
              <EntityRefLink entityRef={row.entityRef} />
            </TableCell>
            <TableCell>
              <Link to={`${entityLink(row.entityRef)}/${props.slosTabPath}`}>
                {row.name}
              </Link>
            </TableCell>
            <TableCell>
              {row.owner ? (
                <EntityRefLink entityRef={row.owner} defaultKind="group" />
              ) : (
                '–'
              )}
            </TableCell>
            <TableCell align="right">{formatPercent(row.objective)}</TableCell>
            <TableCell>{row.window}</TableCell>
            <TableCell align="right">{formatPercent(row.errorRatio)}</TableCell>
            <TableCell align="right">
              {formatPercent(row.errorBudgetRemaining)}
            </TableCell>
            <TableCell>
              <SloStateLabel state={row.state} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
