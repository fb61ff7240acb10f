import { ConfigReader } from '@backstage/config';
import { readReleasesConfig } from './readReleasesConfig';

const read = (releases: object) =>
  readReleasesConfig(new ConfigReader({ observability: { releases } }));

describe('readReleasesConfig', () => {
  it('defaults to a year of releases, a 1-day impact span and 10 exported per entity', () => {
    expect(readReleasesConfig(new ConfigReader({}))).toEqual({
      retentionMs: 365 * 86_400_000,
      impactSpanMs: 86_400_000,
      exportPerEntity: 10,
    });
  });

  it('reads durations as HumanDuration objects or strings', () => {
    expect(
      read({ retention: { days: 90 }, impactSpan: '6h', exportPerEntity: 3 }),
    ).toEqual({
      retentionMs: 90 * 86_400_000,
      impactSpanMs: 6 * 3_600_000,
      exportPerEntity: 3,
    });
  });

  it.each([
    [{ retention: { hours: 1 } }, /retention must be at least 1 day/],
    [{ impactSpan: { minutes: 30 } }, /impactSpan must be/],
    [{ impactSpan: { minutes: 62 } }, /impactSpan must be/],
    [{ exportPerEntity: 1000 }, /exportPerEntity must be/],
  ])('refuses %j, naming the key', (releases, message) => {
    expect(() => read(releases)).toThrow(message);
  });
});
