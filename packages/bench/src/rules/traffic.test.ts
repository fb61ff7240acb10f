/*
 * The synthetic traffic of the rules benchmark (src/rules/traffic): the shapes it claims.
 */
import {
  DIURNAL_RANGE,
  exactErrorRatio,
  minuteCounts,
  trafficProfile,
} from './traffic';

const DAY = 1440;
const START = 29_000_000; // a Unix minute in 2025

function profileOf(shape: string) {
  for (let index = 0; ; index++) {
    const profile = trafficProfile(index, 1);
    if (profile.shape === shape) {
      return profile;
    }
  }
}

function day(shape: string) {
  const profile = profileOf(shape);
  return Array.from({ length: DAY }, (_, i) =>
    minuteCounts(profile, START + i),
  );
}

describe('traffic shapes', () => {
  it('is the same for the same seed, SLO and minute', () => {
    expect(minuteCounts(trafficProfile(5, 1), START)).toEqual(
      minuteCounts(trafficProfile(5, 1), START),
    );
    expect(trafficProfile(5, 1)).not.toEqual(trafficProfile(5, 2));
  });

  it('diurnal: about 100:1 between the busiest and the quietest hour, errors concentrated at night', () => {
    const minutes = day('diurnal');
    const hours = Array.from({ length: 24 }, (_, h) =>
      minutes.slice(60 * h, 60 * h + 60),
    );
    const total = (c: typeof minutes) => c.reduce((n, m) => n + m.total, 0);
    const errors = (c: typeof minutes) => c.reduce((n, m) => n + m.errors, 0);
    const byTraffic = [...hours].sort((a, b) => total(a) - total(b));
    const [quietest, busiest] = [byTraffic[0], byTraffic[23]];
    expect(total(busiest) / total(quietest)).toBeGreaterThan(
      0.8 * DIURNAL_RANGE,
    );
    expect(total(busiest) / total(quietest)).toBeLessThan(1.2 * DIURNAL_RANGE);
    expect(errors(quietest) / total(quietest)).toBeGreaterThan(
      20 * (errors(busiest) / total(busiest)),
    );
  });

  it('gaps: a stretch of at least 30 minutes without a request every day', () => {
    const minutes = day('gaps');
    let longest = 0;
    let run = 0;
    for (const m of minutes) {
      run = m.total === 0 ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    expect(longest).toBeGreaterThanOrEqual(30);
  });

  it('bursty: short bursts carry most of the failures', () => {
    const minutes = day('bursty');
    const base = [...minutes].map(m => m.total).sort((a, b) => a - b)[DAY / 2];
    const burst = minutes.filter(m => m.total > 5 * base);
    const errors = (c: typeof minutes) => c.reduce((n, m) => n + m.errors, 0);
    expect(burst.length).toBeLessThan(100);
    expect(errors(burst) / errors(minutes)).toBeGreaterThan(0.5);
  });
});

describe('exactErrorRatio', () => {
  it('divides the failures by the requests of the minutes after `from` up to `to`', () => {
    const profile = profileOf('steady');
    const counts = [1, 2, 3].map(i => minuteCounts(profile, START + i));
    const expected =
      counts.reduce((n, c) => n + c.errors, 0) /
      counts.reduce((n, c) => n + c.total, 0);
    expect(exactErrorRatio(profile, START, START + 3)).toBeCloseTo(
      expected,
      15,
    );
  });

  it('has no value for a window without requests', () => {
    const profile = profileOf('gaps');
    const minutes = day('gaps');
    const quiet = minutes.findIndex(m => m.total === 0);
    expect(
      exactErrorRatio(profile, START + quiet - 1, START + quiet),
    ).toBeUndefined();
  });
});
