/*
 * Compact error of one part of a view (the card's SLO or provisioning section): one line that
 * names the upstream, so the rest of the view keeps working.
 */
import Alert from '@material-ui/lab/Alert';
import { signalErrorSummary } from '../../lib/signalError';

/** Props of {@link InlineSignalError}. */
export interface InlineSignalErrorProps {
  error: Error;
  /** What is unavailable, e.g. `SLO status`. */
  what: string;
}

/** `SLO status unavailable — Prometheus: query timed out (504)`. */
export function InlineSignalError(props: InlineSignalErrorProps) {
  return (
    <Alert severity="warning" variant="outlined">
      {props.what} unavailable — {signalErrorSummary(props.error)}
    </Alert>
  );
}
