import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { TimeRange } from '../../lib/timeRange';
import { TabHeader } from './TabHeader';

describe('TabHeader', () => {
  it('titles the tab with an h2 and reports the range picked', async () => {
    const picked: TimeRange[] = [];
    render(
      <TabHeader
        title="Service level objectives"
        range={{ preset: '30d' }}
        onRangeChange={range => picked.push(range)}
      />,
    );

    expect(
      screen.getByRole('heading', {
        level: 2,
        name: 'Service level objectives',
      }),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '30d' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await userEvent.click(screen.getByRole('button', { name: '6h' }));
    expect(picked).toEqual([{ preset: '6h' }]);
  });
});
