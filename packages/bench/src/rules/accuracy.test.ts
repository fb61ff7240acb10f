/*
 * How the rules benchmark grades a reported period error ratio (src/rules/accuracy).
 */
import { byShape, compare } from './accuracy';
import { syntheticServices } from './services';
import { exactErrorRatio } from './traffic';

const WINDOW = 30 * 86_400;
const AT = 29_000_000 * 60;

describe('compare', () => {
  const services = syntheticServices(4, 2, 1);
  const exact = services.map(s =>
    exactErrorRatio(s.traffic, (AT - WINDOW) / 60, AT / 60),
  ) as number[];

  it('grades within 0.5 % as ok, beyond as off, NaN as nan and no series as missing', () => {
    const comparisons = compare(
      services,
      [
        { service: services[0].name, value: exact[0] * 1.004, timestamp: AT },
        { service: services[1].name, value: exact[1] * 1.5, timestamp: AT },
        { service: services[2].name, value: NaN, timestamp: AT },
      ],
      WINDOW,
    );
    expect(comparisons.map(c => c.outcome)).toEqual([
      'ok',
      'off',
      'nan',
      'missing',
    ]);
    expect(comparisons[0].relativeError).toBeCloseTo(0.004, 10);
  });

  it('sums up per traffic shape', () => {
    const summary = byShape(
      compare(
        services,
        services.map((s, i) => ({
          service: s.name,
          value: exact[i],
          timestamp: AT,
        })),
        WINDOW,
      ),
    );
    expect(Object.values(summary).map(a => [a.slos, a.within])).toEqual([
      [1, 1],
      [1, 1],
      [1, 1],
      [1, 1],
    ]);
  });
});
