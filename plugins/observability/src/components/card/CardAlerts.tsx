/*
 * The entity's firing SLO alerts, from the SLO status route.
 */
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import Typography from '@material-ui/core/Typography';
import { SloStatus } from '@lookout/plugin-observability-common';
import { formatDateTime } from '../../lib/format';
import { CardSection } from './CardSection';
import { WrappingListItemText } from '../shared/WrappingListItemText';

/** Props of {@link CardAlerts}. */
export interface CardAlertsProps {
  statuses: SloStatus[];
}

/** A line per firing alert: SLO, severity, since when. */
export function CardAlerts(props: CardAlertsProps) {
  const firing = props.statuses.flatMap(status =>
    status.alerts
      .filter(alert => alert.state === 'firing')
      .map(alert => ({ slo: status.name, alert })),
  );
  return (
    <CardSection title="Firing alerts">
      {firing.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          No SLO alert is firing.
        </Typography>
      ) : (
        <List dense disablePadding>
          {firing.map(({ slo, alert }, index) => (
            <ListItem key={`${slo}-${index}`} disableGutters>
              <WrappingListItemText
                primary={`${alert.name ?? 'Burn-rate alert'} · ${slo} · ${
                  alert.severity
                }`}
                secondary={`firing since ${formatDateTime(alert.activeAt)}`}
              />
            </ListItem>
          ))}
        </List>
      )}
    </CardSection>
  );
}
