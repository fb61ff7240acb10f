/*
 * The "Releases" section under the SLO panels: the table, or why there is none.
 */
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { EntityReleasesResponse } from '@lookout/plugin-observability-common';
import { InlineSignalError } from '../shared/InlineSignalError';
import { ReleasesTable } from './ReleasesTable';

/** Props of {@link ReleasesSection}. */
export interface ReleasesSectionProps {
  loading: boolean;
  error?: Error;
  value?: EntityReleasesResponse;
}

/** Heading, table and empty or error state. */
export function ReleasesSection(props: ReleasesSectionProps) {
  let body;
  if (props.loading) {
    body = <Typography variant="body2">Loading releases…</Typography>;
  } else if (props.error || !props.value) {
    body = (
      <InlineSignalError
        what="Releases"
        error={props.error ?? new Error('empty response')}
      />
    );
  } else if (props.value.items.length === 0) {
    body = (
      // Primary text: grey on the grey of the <code> spans falls below 4.5:1 (axe).
      <Typography variant="body2">
        No release recorded in this time range. Pipelines record them with{' '}
        <code>yarn lookout release --entity … --version … --backend …</code> or{' '}
        <code>POST …/releases</code>.
      </Typography>
    );
  } else {
    body = (
      <>
        {props.value.warnings?.map(warning => (
          <Typography key={warning.message} variant="body2" color="error">
            {warning.message}
          </Typography>
        ))}
        <ReleasesTable releases={props.value.items} />
      </>
    );
  }
  return (
    <Box mt={4} component="section" aria-label="Releases">
      <Typography variant="h5" component="h2" gutterBottom>
        Releases
      </Typography>
      {body}
    </Box>
  );
}
