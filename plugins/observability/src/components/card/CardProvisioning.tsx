/*
 * Per-sink provisioning status of the entity's generated objects (scrape config, rules,
 * dashboards), from the provisioning route.
 */
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import Typography from '@material-ui/core/Typography';
import {
  StatusError,
  StatusOK,
  StatusPending,
} from '@backstage/core-components';
import {
  EntityProvisioningResponse,
  SinkStatus,
} from '@lookout/plugin-observability-common';
import { formatDateTime } from '../../lib/format';
import { InlineSignalError } from '../shared/InlineSignalError';
import { CardSection } from './CardSection';
import { WrappingListItemText } from '../shared/WrappingListItemText';

/** Props of {@link CardProvisioning}. */
export interface CardProvisioningProps {
  value?: EntityProvisioningResponse;
  loading: boolean;
  error?: Error;
}

function SinkState(props: { sink: SinkStatus }) {
  switch (props.sink.state) {
    case 'ok':
      return <StatusOK>{props.sink.sink}: provisioned</StatusOK>;
    case 'error':
      return <StatusError>{props.sink.sink}: failed</StatusError>;
    default:
      return <StatusPending>{props.sink.sink}: pending</StatusPending>;
  }
}

function sinkDetails(sink: SinkStatus): string {
  const parts: string[] = [];
  if (sink.error) {
    parts.push(sink.error);
  }
  if (sink.lastSuccessAt) {
    parts.push(`last success ${formatDateTime(sink.lastSuccessAt)}`);
  }
  if (sink.objects?.length) {
    parts.push(
      `${sink.objects.length} object${sink.objects.length === 1 ? '' : 's'}`,
    );
  }
  return parts.join(' · ');
}

/** A line per sink with its state, last success and error. */
export function CardProvisioning(props: CardProvisioningProps) {
  const { value, loading, error } = props;
  let body;
  if (error) {
    body = <InlineSignalError what="Provisioning status" error={error} />;
  } else if (loading || !value) {
    body = (
      <Typography variant="body2" color="textSecondary">
        Loading…
      </Typography>
    );
  } else if (value.sinks.length === 0) {
    body = (
      <Typography variant="body2" color="textSecondary">
        Nothing provisioned for this entity yet.
      </Typography>
    );
  } else {
    body = (
      <List dense disablePadding>
        {value.sinks.map(sink => (
          <ListItem key={sink.sink} disableGutters>
            <WrappingListItemText
              disableTypography
              primary={<SinkState sink={sink} />}
              secondary={
                <Typography
                  variant="caption"
                  color="textSecondary"
                  component="p"
                >
                  {sinkDetails(sink)}
                </Typography>
              }
            />
          </ListItem>
        ))}
      </List>
    );
  }
  return <CardSection title="Provisioning">{body}</CardSection>;
}
