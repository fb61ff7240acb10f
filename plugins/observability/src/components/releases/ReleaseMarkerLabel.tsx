/*
 * The label of a release marker on a chart (a recharts ReferenceLine label): the version at the
 * top of the vertical line; hovering shows version, time and link, and the version opens the
 * release's link when it has one.
 */
import { Release } from '@lookout/plugin-observability-common';
import { formatDateTime } from '../../lib/format';

/** What recharts passes to a custom label: the line's box. */
interface LabelBox {
  viewBox?: { x?: number; y?: number };
}

/** Props of {@link ReleaseMarkerLabel}. */
export interface ReleaseMarkerLabelProps extends LabelBox {
  release: Release;
  color: string;
}

/** The hover text of a release marker. */
export function releaseMarkerTitle(release: Release): string {
  return [`Release ${release.version}`, formatDateTime(release.at), release.url]
    .filter(Boolean)
    .join(' · ');
}

/** An SVG label for a release marker. */
export function ReleaseMarkerLabel(props: ReleaseMarkerLabelProps) {
  const { release, color } = props;
  const x = props.viewBox?.x ?? 0;
  const y = props.viewBox?.y ?? 0;
  const text = (
    <text x={x + 3} y={y + 10} fill={color} fontSize={10}>
      {release.version}
    </text>
  );
  return (
    <g data-testid="release-marker" aria-label={releaseMarkerTitle(release)}>
      <title>{releaseMarkerTitle(release)}</title>
      {release.url ? (
        <a href={release.url} target="_blank" rel="noopener noreferrer">
          {text}
        </a>
      ) : (
        text
      )}
    </g>
  );
}
