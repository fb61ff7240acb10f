import { render, screen, within } from '@testing-library/react';
import { virtualRowStyle } from '../../lib/virtualizer';
import { useVirtualViewport } from './useVirtualViewport';
import { VirtualViewport } from './VirtualViewport';

/** 20-pixel rows in a 200-pixel viewport, two rows of overscan. */
function Rows(props: { count: number }) {
  const { virtualizer, viewport } = useVirtualViewport(200, {
    count: props.count,
    estimateSize: () => 20,
    overscan: 2,
  });
  return (
    <VirtualViewport {...viewport} role="list" label="Rows">
      {virtualizer.getVirtualItems().map(item => (
        <div
          key={item.key}
          role="listitem"
          style={virtualRowStyle(item.start, 20)}
        >
          row {item.index}
        </div>
      ))}
    </VirtualViewport>
  );
}

describe('VirtualViewport with useVirtualViewport', () => {
  it('renders the rows that fit in the viewport plus the overscan, in a space as tall as all rows', () => {
    render(<Rows count={1000} />);

    const list = screen.getByRole('list', { name: 'Rows' });
    expect(list).toHaveStyle({ height: '200px' });
    expect(list.firstElementChild).toHaveStyle({
      height: '20000px',
      position: 'relative',
    });
    const items = within(list).getAllByRole('listitem');
    // 200 px / 20 px = 10 visible rows, then 2 of overscan.
    expect(items.map(item => item.textContent)).toEqual(
      Array.from({ length: 12 }, (_, i) => `row ${i}`),
    );
    expect(items[11]).toHaveStyle({ transform: 'translateY(220px)' });
  });
});
