import { render, screen, within } from '@testing-library/react';
import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import { LabelledTable } from './LabelledTable';

describe('LabelledTable', () => {
  it('is a table named by its label, with a column header per column', () => {
    render(
      <LabelledTable
        label="Impact"
        columns={[
          'Release',
          { title: 'Error ratio', align: 'right' },
          { title: 'State', header: <TableCell>State ↑</TableCell> },
        ]}
      >
        <TableRow>
          <TableCell>v1.4.2</TableCell>
          <TableCell>1.2%</TableCell>
          <TableCell>ok</TableCell>
        </TableRow>
      </LabelledTable>,
    );

    const table = screen.getByRole('table', { name: 'Impact' });
    const headers = within(table).getAllByRole('columnheader');
    expect(headers.map(cell => cell.textContent)).toEqual([
      'Release',
      'Error ratio',
      'State ↑',
    ]);
    expect(headers[1]).toHaveClass('MuiTableCell-alignRight');
    expect(
      within(table)
        .getAllByRole('cell')
        .map(cell => cell.textContent),
    ).toEqual(['v1.4.2', '1.2%', 'ok']);
  });
});
