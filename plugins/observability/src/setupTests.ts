import '@testing-library/jest-dom';

// jsdom has no layout and no ResizeObserver, which recharts' ResponsiveContainer requires. An
// observer that never reports matches what jsdom can tell: sizes never change. Charts then use
// their `initialDimension`, virtualised lists their `initialRect`.
class NoLayoutResizeObserver implements ResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}

if (!('ResizeObserver' in globalThis)) {
  Object.defineProperty(globalThis, 'ResizeObserver', {
    value: NoLayoutResizeObserver,
    configurable: true,
    writable: true,
  });
}
