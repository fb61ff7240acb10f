/*
 * The small tables of the tabs and panels (SLO overview, releases, annotations to add): named for
 * screen readers, one header row made from the column list, then the body rows.
 */
import { Fragment, PropsWithChildren, ReactNode } from 'react';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';

/** A column of a {@link LabelledTable}: its title, or more. */
export type TableColumn =
  | string
  | {
      title: string;
      align?: 'right';
      /** A header cell of its own (e.g. with a sort label) instead of the title. */
      header?: ReactNode;
    };

/** Props of {@link LabelledTable}. */
export interface LabelledTableProps {
  /** The table's accessible name. */
  label: string;
  columns: ReadonlyArray<TableColumn>;
  /** A class of the table element, e.g. for denser cells. */
  className?: string;
}

function HeaderCell(props: { column: TableColumn }) {
  const { column } = props;
  if (typeof column === 'string') {
    return <TableCell>{column}</TableCell>;
  }
  return (
    <>
      {column.header ?? (
        <TableCell align={column.align}>{column.title}</TableCell>
      )}
    </>
  );
}

/** A small table named `label`: a header cell per column, the children as its body rows. */
export function LabelledTable(props: PropsWithChildren<LabelledTableProps>) {
  return (
    <Table size="small" aria-label={props.label} className={props.className}>
      <TableHead>
        <TableRow>
          {props.columns.map(column => (
            <Fragment key={typeof column === 'string' ? column : column.title}>
              <HeaderCell column={column} />
            </Fragment>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>{props.children}</TableBody>
    </Table>
  );
}
