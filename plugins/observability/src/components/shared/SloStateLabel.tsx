/*
 * An SLO's state as a status dot and word, using Backstage's theme-aware status components.
 */
import {
  StatusError,
  StatusOK,
  StatusPending,
  StatusWarning,
} from '@backstage/core-components';
import { SLO_STATE_LABELS, SloState } from '../../lib/sloState';

/** Props of {@link SloStateLabel}. */
export interface SloStateLabelProps {
  state: SloState;
}

/** `● Alert firing`, `● OK`... */
export function SloStateLabel(props: SloStateLabelProps) {
  const label = SLO_STATE_LABELS[props.state];
  switch (props.state) {
    case 'firing':
    case 'breached':
      return <StatusError>{label}</StatusError>;
    case 'warning':
      return <StatusWarning>{label}</StatusWarning>;
    case 'no-data':
      return <StatusPending>{label}</StatusPending>;
    default:
      return <StatusOK>{label}</StatusOK>;
  }
}
