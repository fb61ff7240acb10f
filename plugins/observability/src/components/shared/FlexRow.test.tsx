import { render, screen } from '@testing-library/react';
import { FlexRow } from './FlexRow';

describe('FlexRow', () => {
  it('lays its children out in a centred row, spaced by theme units', () => {
    render(
      <FlexRow wrap gap={2} mt={1}>
        <span>first</span>
        <span>second</span>
      </FlexRow>,
    );

    const row = screen.getByText('first').parentElement!;
    expect(row).toContainElement(screen.getByText('second'));
    // MUI's default theme: 8px per spacing unit.
    expect(row).toHaveStyle({ gap: '16px' });
  });

  it('sets no gap unless asked', () => {
    render(
      <FlexRow spread>
        <span>title</span>
      </FlexRow>,
    );

    expect(screen.getByText('title').parentElement).not.toHaveAttribute(
      'style',
    );
  });
});
