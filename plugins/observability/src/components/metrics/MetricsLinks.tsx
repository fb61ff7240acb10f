/*
 * Links of the Metrics tab: the generated Grafana dashboard, the dashboards of the Grafana
 * plugin's annotations, and the entity's profiles.
 */
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { Link } from '@backstage/core-components';
import { MetricsLink } from '@lookout/plugin-observability-common';

/** A row of links, or nothing without links. */
export function MetricsLinks(props: { links: MetricsLink[] }) {
  if (props.links.length === 0) {
    return null;
  }
  return (
    <Box
      component="nav"
      aria-label="Metrics links"
      display="flex"
      flexWrap="wrap"
      mb={2}
    >
      {props.links.map(link => (
        <Box key={link.url} mr={3}>
          <Typography variant="body2">
            <Link to={link.url}>{link.title}</Link>
          </Typography>
        </Box>
      ))}
    </Box>
  );
}
