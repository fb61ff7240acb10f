import { formatPrometheusDuration, parsePrometheusDuration } from './duration';

describe('parsePrometheusDuration', () => {
  it.each([
    ['0', 0],
    ['5s', 5000],
    ['1m30s', 90000],
    ['1h', 3600000],
    ['4w', 4 * 7 * 86400000],
    [
      '1y2w3d4h5m6s7ms',
      31536000000 +
        2 * 604800000 +
        3 * 86400000 +
        4 * 3600000 +
        5 * 60000 +
        6000 +
        7,
    ],
    ['250ms', 250],
  ])('reads %s', (text, milliseconds) => {
    expect(parsePrometheusDuration(text)).toBe(milliseconds);
  });

  it.each(['', '5', '1.5h', '30s1m', '5 m', '-5s', '5S', '1d1d'])(
    'rejects %j',
    text => {
      expect(parsePrometheusDuration(text)).toBeUndefined();
    },
  );
});

describe('formatPrometheusDuration', () => {
  it.each([
    [0, '0s'],
    [90000, '1m30s'],
    [86400000, '1d'],
    [1209600000, '2w'],
    [250, '250ms'],
  ])('writes %d as %s', (milliseconds, text) => {
    expect(formatPrometheusDuration(milliseconds)).toBe(text);
    expect(parsePrometheusDuration(text)).toBe(milliseconds);
  });
});
