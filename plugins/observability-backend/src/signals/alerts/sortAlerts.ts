/*
 * The order alerts are listed in: firing, then pending, then suppressed; newest first within each.
 */
import { SloAlert } from '@lookout/plugin-observability-common';

const STATE_ORDER: Record<SloAlert['state'], number> = {
  firing: 0,
  pending: 1,
  suppressed: 2,
};

/** A sorted copy of `alerts`. */
export function sortAlerts(alerts: readonly SloAlert[]): SloAlert[] {
  return [...alerts].sort(
    (a, b) =>
      STATE_ORDER[a.state] - STATE_ORDER[b.state] || b.activeAt - a.activeAt,
  );
}
