/*
 * One SLO on the SLOs tab: a collapsible panel with its tiles, budget burn-down and error-ratio
 * charts, burn-rate table, alerts and links.
 */
import { ReactNode } from 'react';
import Accordion from '@material-ui/core/Accordion';
import AccordionDetails from '@material-ui/core/AccordionDetails';
import AccordionSummary from '@material-ui/core/AccordionSummary';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { makeStyles, useTheme } from '@material-ui/core/styles';
import ExpandMoreIcon from '@material-ui/icons/ExpandMore';
import { Link } from '@backstage/core-components';
import { Release, SloStatus } from '@lookout/plugin-observability-common';
import { formatPercent } from '../../lib/format';
import { sloState } from '../../lib/sloState';
import { SloStateLabel } from '../shared/SloStateLabel';
import { BurnRateTable } from './BurnRateTable';
import { SeriesChart } from './SeriesChart';
import { SloAlerts } from './SloAlerts';
import { SloTiles } from './SloTiles';

const useStyles = makeStyles(theme => ({
  summary: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(2),
    width: '100%',
  },
  name: { fontWeight: 500 },
  details: { display: 'block' },
}));

/** Props of {@link SloPanel}. */
export interface SloPanelProps {
  status: SloStatus;
  defaultExpanded: boolean;
  /** Releases marked on the charts. */
  releases?: Release[];
}

function Section(props: { title: string; children: ReactNode }) {
  return (
    <Box mt={3}>
      <Typography variant="h6" component="h4" gutterBottom>
        {props.title}
      </Typography>
      {props.children}
    </Box>
  );
}

function hasData(status: SloStatus): boolean {
  return (
    status.errorRatio !== null ||
    status.series.errorRatio.some(([, v]) => v !== null) ||
    status.series.errorBudgetRemaining.some(([, v]) => v !== null)
  );
}

/** An Accordion whose summary shows name, objective, budget and state. */
export function SloPanel(props: SloPanelProps) {
  const classes = useStyles();
  const theme = useTheme();
  const { status } = props;
  const links = status.links ?? {};
  const budget = status.series.errorBudgetRemaining;
  const ratio = status.series.errorRatio;
  return (
    <Accordion
      defaultExpanded={props.defaultExpanded}
      TransitionProps={{ unmountOnExit: true }}
    >
      <AccordionSummary expandIcon={<ExpandMoreIcon />}>
        <div className={classes.summary}>
          <Typography className={classes.name} component="h3">
            {status.name}
          </Typography>
          <Typography variant="body2" color="textSecondary">
            {formatPercent(status.objective)} over {status.window} · budget{' '}
            {formatPercent(status.errorBudgetRemaining)}
          </Typography>
          <SloStateLabel state={sloState(status)} />
        </div>
      </AccordionSummary>
      <AccordionDetails
        className={classes.details}
        role="region"
        aria-label={`SLO ${status.name} details`}
      >
        {status.description && (
          <Typography variant="body2" paragraph>
            {status.description}
          </Typography>
        )}
        <SloTiles status={status} />
        {hasData(status) ? (
          <Grid container spacing={3} style={{ marginTop: theme.spacing(2) }}>
            <Grid item xs={12} md={6}>
              <SeriesChart
                title="Error budget remaining"
                description={`Budget burn-down from ${formatPercent(
                  budget.find(([, v]) => v !== null)?.[1] ?? null,
                )} to ${formatPercent(status.errorBudgetRemaining)}`}
                points={budget}
                formatValue={formatPercent}
                color={theme.palette.primary.main}
                reference={{ value: 0, label: 'budget exhausted' }}
                releases={props.releases}
              />
            </Grid>
            <Grid item xs={12} md={6}>
              <SeriesChart
                title="Error ratio"
                description={`Now ${formatPercent(
                  status.errorRatio,
                )}; the objective allows ${formatPercent(
                  1 - status.objective,
                )}`}
                points={ratio}
                formatValue={formatPercent}
                color={theme.palette.secondary.main}
                reference={{ value: 1 - status.objective, label: 'objective' }}
                releases={props.releases}
              />
            </Grid>
          </Grid>
        ) : (
          <Box mt={2}>
            <Typography variant="body2" color="textSecondary">
              No data yet: the recording rules have not produced samples for
              this SLO. They appear one evaluation interval after the rules are
              loaded and the service is scraped.
            </Typography>
          </Box>
        )}
        <Section title="Burn rates">
          <BurnRateTable status={status} />
        </Section>
        <Section title="Alerts">
          <SloAlerts alerts={status.alerts} />
        </Section>
        {(links.dashboard || links.runbook) && (
          <Section title="Links">
            <Box display="flex" style={{ gap: theme.spacing(2) }}>
              {links.dashboard && (
                <Link to={links.dashboard}>Grafana dashboard</Link>
              )}
              {links.runbook && <Link to={links.runbook}>Runbook</Link>}
            </Box>
          </Section>
        )}
      </AccordionDetails>
    </Accordion>
  );
}
