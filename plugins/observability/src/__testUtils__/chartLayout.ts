/*
 * jsdom lays nothing out: every element measures 0 × 0, so recharts' ResponsiveContainer draws
 * no chart. `withChartLayout()` gives elements the sizes a browser would, for one test file:
 * a chart's container 600 × 220, anything else recharts measures (a legend, a tick's text) one
 * short line, so that a legend does not take the whole chart's height.
 */

function rect(width: number, height: number): DOMRect {
  return {
    width,
    height,
    x: 0,
    y: 0,
    top: 0,
    left: 0,
    right: width,
    bottom: height,
    toJSON: () => ({ width, height }),
  };
}

/**
 * Registers hooks that give elements a size for each test of the calling file (before each:
 * mocks do not outlive a test).
 */
export function withChartLayout() {
  beforeEach(() => {
    jest
      .spyOn(HTMLElement.prototype, 'getBoundingClientRect')
      .mockImplementation(function size(this: HTMLElement) {
        return this.classList.contains('recharts-responsive-container')
          ? rect(600, 220)
          : rect(60, 14);
      });
  });
  afterEach(() => jest.restoreAllMocks());
}
