import { logLevelOf, normalizeLevel } from './logLevel';

describe('normalizeLevel', () => {
  it.each([
    ['ERROR', 'error'],
    ['fatal', 'error'],
    ['Warning', 'warn'],
    ['notice', 'info'],
    ['trace', 'debug'],
    ['chatty', 'unknown'],
    [undefined, 'unknown'],
  ])('maps %p to %p', (value, level) => {
    expect(normalizeLevel(value)).toBe(level);
  });
});

describe('logLevelOf', () => {
  it('prefers the detected level over labels', () => {
    expect(
      logLevelOf({
        timestamp: 0,
        line: '',
        labels: { level: 'info' },
        level: 'warn',
      }),
    ).toBe('warn');
  });

  it('falls back to level-like labels', () => {
    expect(
      logLevelOf({
        timestamp: 0,
        line: '',
        labels: { detected_level: 'error' },
      }),
    ).toBe('error');
  });
});
