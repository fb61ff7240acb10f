import {
  chooseStep,
  errorRatioWindowFor,
  fillGrid,
  seriesGrid,
} from './seriesGrid';

describe('series grid', () => {
  it('keeps every range within 250 points, and at least 125 for ranges over an hour', () => {
    // Spans from 1 hour to 366 days, ends at arbitrary milliseconds.
    for (
      let span = 3_600_000;
      span <= 366 * 86_400_000;
      span = Math.ceil(span * 1.07)
    ) {
      for (const to of [
        1_795_626_012_345,
        1_700_000_000_000 + span,
        86_400_000 + 7,
      ]) {
        const grid = seriesGrid({ from: to - span, to });
        const points = (grid.end - grid.start) / grid.step + 1;
        expect({
          span,
          points: Number.isInteger(points) && points >= 125 && points <= 250,
        }).toEqual({
          span,
          points: true,
        });
        expect(grid.start).toBeGreaterThanOrEqual(to - span);
        expect(to - grid.end).toBeLessThan(Math.min(grid.step, 15_000));
      }
    }
  });

  it('chooses round steps', () => {
    expect(chooseStep(3_600_000)).toBe(15_000);
    expect(chooseStep(86_400_000)).toBe(600_000);
    expect(chooseStep(30 * 86_400_000)).toBe(10_800_000);
  });

  it('gives identical grids to requests a few seconds apart', () => {
    const a = seriesGrid({
      from: 1_000_000_000_000 - 86_400_000,
      to: 1_000_000_000_000,
    });
    const b = seriesGrid({
      from: 1_000_000_003_000 - 86_400_000,
      to: 1_000_000_003_000,
    });
    expect(a).toEqual(b);
  });

  it('takes the shortest recorded error-ratio window covering a step', () => {
    expect(errorRatioWindowFor(15_000)).toBe('5m');
    expect(errorRatioWindowFor(600_000)).toBe('30m');
    expect(errorRatioWindowFor(10_800_000)).toBe('6h');
    expect(errorRatioWindowFor(5 * 86_400_000)).toBe('3d');
  });

  it('fills missing and non-finite points with null', () => {
    expect(
      fillGrid({ start: 0, end: 30, step: 10 }, [
        [0, 1],
        [20, NaN],
        [30, 0.5],
      ]),
    ).toEqual([
      [0, 1],
      [10, null],
      [20, null],
      [30, 0.5],
    ]);
  });
});
