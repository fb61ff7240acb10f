/*
 * The firing and pending alerts of one SLO, with links to Alertmanager and the runbook when the
 * alert carries them.
 */
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import Typography from '@material-ui/core/Typography';
import { Link } from '@backstage/core-components';
import { SloAlert } from '@lookout/plugin-observability-common';
import { formatDateTime } from '../../lib/format';
import { WrappingListItemText } from '../shared/WrappingListItemText';

/** Props of {@link SloAlerts}. */
export interface SloAlertsProps {
  alerts: SloAlert[];
}

function alertTitle(alert: SloAlert): string {
  return `${alert.name ?? 'Burn-rate alert'} (${alert.severity}) — ${
    alert.state
  }`;
}

/** A list of alerts, or a line saying none is active. */
export function SloAlerts(props: SloAlertsProps) {
  const active = props.alerts.filter(alert => alert.state !== 'suppressed');
  if (active.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        No alert is firing or pending.
      </Typography>
    );
  }
  return (
    <List dense disablePadding aria-label="Alerts">
      {active.map((alert, index) => (
        <ListItem key={index} disableGutters>
          <WrappingListItemText
            primary={alertTitle(alert)}
            secondary={
              <>
                since {formatDateTime(alert.activeAt)}
                {alert.annotations?.summary &&
                  ` · ${alert.annotations.summary}`}
                {alert.url && (
                  <>
                    {' · '}
                    <Link to={alert.url} underline="always">
                      open in Alertmanager
                    </Link>
                  </>
                )}
                {alert.annotations?.runbook_url && (
                  <>
                    {' · '}
                    <Link to={alert.annotations.runbook_url} underline="always">
                      runbook
                    </Link>
                  </>
                )}
              </>
            }
          />
        </ListItem>
      ))}
    </List>
  );
}
