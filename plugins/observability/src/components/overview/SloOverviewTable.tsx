/*
 * The rows of the SLO overview: entity, SLO (linking to the entity's SLOs tab), owner, objective,
 * window, error ratio, budget remaining and state, sortable by state and budget.
 */
import {
  EntityRefLink,
  useEntityRefLink,
} from '@backstage/plugin-catalog-react';
import { Link } from '@backstage/core-components';
import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import TableSortLabel from '@material-ui/core/TableSortLabel';
import { SloSummary } from '@lookout/plugin-observability-common';
import { formatPercent } from '../../lib/format';
import { SloSort, SloSortKey, sortSlos } from '../../lib/sortSlos';
import { LabelledTable, TableColumn } from '../shared/LabelledTable';
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
  const sortable = (column: SloSortKey, title: string, align?: 'right') => ({
    title,
    header: (
      <SortHeader
        column={column}
        label={title}
        align={align}
        sort={props.sort}
        onSortChange={props.onSortChange}
      />
    ),
  });
  const columns: TableColumn[] = [
    'Entity',
    'SLO',
    'Owner',
    { title: 'Objective', align: 'right' },
    'Window',
    { title: 'Error ratio', align: 'right' },
    sortable('budget', 'Budget remaining', 'right'),
    sortable('state', 'State'),
  ];
  return (
    <LabelledTable label="Service level objectives" columns={columns}>
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
    </LabelledTable>
  );
}
