import { getContrastRatio } from '@material-ui/core/styles';
import { READABLE_CONTRAST, readableColor } from './readableColor';

describe('readableColor', () => {
  it('keeps a colour that is readable already', () => {
    expect(readableColor('#c62828', '#ffffff')).toBe('#c62828');
  });

  it('darkens the red and orange of the light theme until they read on white', () => {
    for (const color of ['#f44336', '#ff9800', '#2196f3']) {
      const readable = readableColor(color, '#ffffff');
      expect(getContrastRatio(readable, '#ffffff')).toBeGreaterThanOrEqual(
        READABLE_CONTRAST,
      );
    }
  });

  it('lightens a dark colour on the dark theme paper', () => {
    const readable = readableColor('#b71c1c', '#424242');
    expect(getContrastRatio(readable, '#424242')).toBeGreaterThanOrEqual(
      READABLE_CONTRAST,
    );
  });
});
