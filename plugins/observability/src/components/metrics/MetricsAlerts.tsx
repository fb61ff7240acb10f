/*
 * The alerts named by Roadie's `prometheus.io/alert`, from Alertmanager, on the Metrics tab.
 */
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import Typography from '@material-ui/core/Typography';
import { Link } from '@backstage/core-components';
import { SloAlert } from '@lookout/plugin-observability-common';
import { formatDateTime } from '../../lib/format';
import { PaperPanel } from '../shared/PaperPanel';
import { WrappingListItemText } from '../shared/WrappingListItemText';

/** The alerts, or a sentence saying none is active. */
export function MetricsAlerts(props: { alerts: SloAlert[] }) {
  return (
    <PaperPanel label="Alerts">
      <Typography variant="h6" component="h3">
        Alerts
      </Typography>
      {props.alerts.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          None of the alerts named in prometheus.io/alert is active.
        </Typography>
      ) : (
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
    </PaperPanel>
  );
}
