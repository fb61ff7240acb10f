import { virtualRowStyle } from './virtualizer';

describe('virtualRowStyle', () => {
  it('places a row by its offset, across the list, measured when no height is given', () => {
    expect(virtualRowStyle(120)).toEqual({
      position: 'absolute',
      top: 0,
      left: 0,
      width: '100%',
      height: undefined,
      transform: 'translateY(120px)',
    });
  });

  it('fixes the height of a row when given', () => {
    expect(virtualRowStyle(0, 28)).toMatchObject({
      height: 28,
      transform: 'translateY(0px)',
    });
  });
});
