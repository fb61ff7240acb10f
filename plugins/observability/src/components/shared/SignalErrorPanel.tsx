/*
 * Full-size error state of a tab: names the upstream that failed (Loki, Tempo, Prometheus...)
 * and keeps the server's details in the expandable panel.
 */
import { ResponseErrorPanel } from '@backstage/core-components';
import { describeSignalError, upstreamTitle } from '../../lib/signalError';

/** Props of {@link SignalErrorPanel}. */
export interface SignalErrorPanelProps {
  error: Error;
  /** What could not be loaded, e.g. `logs`. */
  what: string;
}

/** `Loki is unavailable: could not load logs` plus the server's message. */
export function SignalErrorPanel(props: SignalErrorPanelProps) {
  const { error, what } = props;
  const info = describeSignalError(error);
  const title = info.upstream
    ? `${upstreamTitle(
        info.upstream,
      )} is unavailable: could not load ${what}. ${info.message}`
    : `Could not load ${what}: ${info.message}`;
  return <ResponseErrorPanel error={error} title={title} />;
}
