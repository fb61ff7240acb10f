/*
 * Loads a view's data, then loads it again every `intervalMs` while the view is open, so that an
 * alert that starts firing shows without a reload. A refresh keeps the last answer on screen
 * (no spinner) and a failed refresh keeps it too; changed inputs (`deps`) start over.
 */
import { DependencyList, useEffect, useState } from 'react';

/** What {@link useRefreshingAsync} holds: the last answer, or the first error. */
export interface RefreshingState<T> {
  /** True only until the first answer (or error) for the current inputs. */
  loading: boolean;
  value?: T;
  error?: Error;
}

/** `load(now)` at once and every `intervalMs` (0: once), `now` the time of each load. */
export function useRefreshingAsync<T>(
  load: (now: number) => Promise<T>,
  deps: DependencyList,
  intervalMs: number,
): RefreshingState<T> {
  const [state, setState] = useState<RefreshingState<T>>({ loading: true });
  useEffect(() => {
    let active = true;
    setState({ loading: true });
    const run = () =>
      load(Date.now()).then(
        value => active && setState({ loading: false, value }),
        error =>
          active &&
          setState(previous =>
            previous.value === undefined
              ? { loading: false, error: error as Error }
              : previous,
          ),
      );
    run();
    const timer = intervalMs > 0 ? setInterval(run, intervalMs) : undefined;
    return () => {
      active = false;
      clearInterval(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `deps` are the load's inputs
  }, [...deps, intervalMs]);
  return state;
}
