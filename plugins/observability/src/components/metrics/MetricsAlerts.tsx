/*
 * The alerts named by Roadie's `prometheus.io/alert`, from Alertmanager, on the Metrics tab.
 */
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import { Link } from '@backstage/core-components';
import { SloAlert } from '@lookout/plugin-observability-common';
import { formatDateTime } from '../../lib/format';
import { WrappingListItemText } from '../shared/WrappingListItemText';
import { MetricsSection } from './MetricsSection';

/** The alerts, or a sentence saying none is active. */
export function MetricsAlerts(props: { alerts: SloAlert[] }) {
  return (
    <MetricsSection
      title="Alerts"
      notes={[
        props.alerts.length === 0 &&
          'None of the alerts named in prometheus.io/alert is active.',
      ]}
    >
      {props.alerts.length > 0 && (
        <List dense>
          {props.alerts.map(alert => (
            <ListItem key={`${alert.name}-${alert.activeAt}`}>
              <WrappingListItemText
                primary={
                  alert.url ? (
                    <Link to={alert.url}>{alert.name}</Link>
                  ) : (
                    alert.name
                  )
                }
                secondary={`${alert.state}${
                  alert.severity ? `, ${alert.severity}` : ''
                } since ${formatDateTime(alert.activeAt)}`}
              />
            </ListItem>
          ))}
        </List>
      )}
    </MetricsSection>
  );
}
