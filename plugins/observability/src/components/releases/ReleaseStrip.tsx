/*
 * The releases inside the time range of the Logs and Traces tabs, as a line of marks above the
 * results ("what changed?"), each with its time and link. Nothing while loading or when there is
 * none; a failure to read them is one quiet line, never the tab's error.
 */
import { useMemo } from 'react';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import NewReleasesIcon from '@material-ui/icons/NewReleases';
import { Release } from '@lookout/plugin-observability-common';
import { formatDateTime } from '../../lib/format';
import { resolveTimeRange, TimeRange } from '../../lib/timeRange';
import { FlexRow } from '../shared/FlexRow';
import { releaseMarkerTitle } from './ReleaseMarkerLabel';
import { useReleases } from './useReleases';

/** Props of {@link ReleaseStrip}. */
export interface ReleaseStripProps {
  entityRef: string;
  range: TimeRange;
}

function ReleaseChip(props: { release: Release }) {
  const { release } = props;
  return (
    <Chip
      size="small"
      variant="outlined"
      icon={<NewReleasesIcon />}
      label={`${release.version} · ${formatDateTime(release.at)}`}
      title={releaseMarkerTitle(release)}
    />
  );
}

/** A chip per release in `range`, newest first. */
export function ReleaseStrip(props: ReleaseStripProps) {
  const { from, to } = useMemo(
    () => resolveTimeRange(props.range, Date.now()),
    [props.range],
  );
  const { value, error } = useReleases(props.entityRef, from, to);
  if (error) {
    return (
      <Typography variant="caption" color="textSecondary" component="p">
        Releases of this range unavailable.
      </Typography>
    );
  }
  if (!value || value.items.length === 0) {
    return null;
  }
  return (
    <FlexRow wrap gap={1} mb={1}>
      <Typography variant="body2" component="span">
        Releases in this range:
      </Typography>
      <ul
        aria-label="Releases in this time range"
        style={{ display: 'contents', listStyle: 'none' }}
      >
        {value.items.map(release => (
          <li key={release.id} style={{ display: 'inline' }}>
            {release.url ? (
              <a href={release.url} target="_blank" rel="noopener noreferrer">
                <ReleaseChip release={release} />
              </a>
            ) : (
              <ReleaseChip release={release} />
            )}
          </li>
        ))}
      </ul>
    </FlexRow>
  );
}
