import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SelectField } from './SelectField';

describe('SelectField', () => {
  it('lists the option labels and hands back the chosen value with its type', async () => {
    const chosen: number[] = [];
    render(
      <SelectField
        id="lines"
        label="Lines"
        value={100}
        options={[
          { value: 100, label: '100' },
          { value: 5000, label: '5,000' },
        ]}
        onChange={value => chosen.push(value)}
        minWidth={140}
      />,
    );

    expect(screen.getByLabelText('Lines')).toHaveTextContent('100');
    await userEvent.click(screen.getByLabelText('Lines'));
    const listbox = await screen.findByRole('listbox');
    expect(
      within(listbox)
        .getAllByRole('option')
        .map(option => option.textContent),
    ).toEqual(['100', '5,000']);
    await userEvent.click(
      within(listbox).getByRole('option', { name: '5,000' }),
    );
    expect(chosen).toEqual([5000]);
  });
});
