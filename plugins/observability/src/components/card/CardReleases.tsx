/*
 * The overview card's Releases section: the entity's last release and the state of its deploy
 * gate (allowed, or frozen with the first reason), each from its own route so that one failing
 * never hides the other.
 */
import Typography from '@material-ui/core/Typography';
import { StatusError, StatusOK } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { observabilityApiRef } from '../../api/ObservabilityApi';
import { formatDateTime } from '../../lib/format';
import { InlineSignalError } from '../shared/InlineSignalError';
import { CardSection } from './CardSection';

/** How far back the card looks for the last release. */
const LAST_RELEASE_WITHIN_MS = 90 * 86_400_000;

/** Props of {@link CardReleases}. */
export interface CardReleasesProps {
  entityRef: string;
}

function LastRelease(props: { entityRef: string }) {
  const api = useApi(observabilityApiRef);
  const { value, error } = useAsync(() => {
    const now = Date.now();
    return api.getReleases(props.entityRef, {
      from: now - LAST_RELEASE_WITHIN_MS,
      to: now,
      limit: 1,
    });
  }, [api, props.entityRef]);
  if (error) {
    return <InlineSignalError what="Releases" error={error} />;
  }
  const last = value?.items[0];
  let text = 'Loading…';
  if (value) {
    text = last
      ? `Last release ${last.version}, ${formatDateTime(last.at)}`
      : 'No release in the last 90 days';
  }
  return <Typography variant="body2">{text}</Typography>;
}

function DeployGate(props: { entityRef: string }) {
  const api = useApi(observabilityApiRef);
  const { value, error } = useAsync(
    () => api.getDeployGate(props.entityRef),
    [api, props.entityRef],
  );
  if (error) {
    return <InlineSignalError what="Deploy gate" error={error} />;
  }
  if (!value) {
    return null;
  }
  return value.allowed ? (
    <StatusOK>Deploys allowed</StatusOK>
  ) : (
    <StatusError>Deploys frozen: {value.reasons[0]}</StatusError>
  );
}

/** Last release and deploy gate. */
export function CardReleases(props: CardReleasesProps) {
  return (
    <CardSection title="Releases">
      <LastRelease entityRef={props.entityRef} />
      <DeployGate entityRef={props.entityRef} />
    </CardSection>
  );
}
