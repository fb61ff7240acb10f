/*
 * The Releases table of the SLOs tab: each release of the time range with what it cost each SLO
 * — error ratio and error budget spent in the hour before and after it, and over the configured
 * longer span — and a warning mark where the release made an SLO worse.
 */
import { Fragment } from 'react';
import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { Link, StatusOK, StatusWarning } from '@backstage/core-components';
import { ReleaseWithImpact } from '@lookout/plugin-observability-common';
import { formatDateTime } from '../../lib/format';
import { formatChange, madeWorse } from '../../lib/releaseImpact';
import { LabelledTable, TableColumn } from '../shared/LabelledTable';

const useStyles = makeStyles({
  // Nine columns in the width of the SLOs tab: narrow padding, headings wrapping at spaces only
  // (never "Rele|ase"), a cell's content (a version, a time, "before → after") on one line.
  table: {
    '& th, & td': { padding: '6px 8px' },
    '& th': { overflowWrap: 'normal', wordBreak: 'normal' },
    '& td': { whiteSpace: 'nowrap' },
  },
});

/** Props of {@link ReleasesTable}. */
export interface ReleasesTableProps {
  releases: ReleaseWithImpact[];
}

function Version(props: { release: ReleaseWithImpact }) {
  const { release } = props;
  return release.url ? (
    <Link to={release.url}>{release.version}</Link>
  ) : (
    <>{release.version}</>
  );
}

/** One row per release and SLO, newest release first. */
export function ReleasesTable(props: ReleasesTableProps) {
  const classes = useStyles();
  const spans = props.releases[0]?.impact[0]?.spans.map(s => s.span) ?? ['1h'];
  const columns: TableColumn[] = [
    'Release',
    'Time',
    'By',
    'SLO',
    ...spans.flatMap(span => [
      { title: `Error ratio ${span} before → after`, align: 'right' as const },
      { title: `Budget spent ${span} before → after`, align: 'right' as const },
    ]),
    'Effect',
  ];
  return (
    <LabelledTable
      label="Releases and their impact"
      columns={columns}
      className={classes.table}
    >
      {props.releases.map(release => {
        const rows = release.impact.length > 0 ? release.impact : [undefined];
        return rows.map((impact, index) => (
          <TableRow key={`${release.id}-${impact?.slo ?? ''}`}>
            {index === 0 && (
              <>
                <TableCell rowSpan={rows.length}>
                  <Version release={release} />
                  {release.kind && (
                    <Typography variant="caption" component="div">
                      {release.kind}
                    </Typography>
                  )}
                </TableCell>
                <TableCell rowSpan={rows.length}>
                  {formatDateTime(release.at)}
                </TableCell>
                <TableCell rowSpan={rows.length}>{release.createdBy}</TableCell>
              </>
            )}
            {impact ? (
              <>
                <TableCell>{impact.slo}</TableCell>
                {impact.spans.map(span => (
                  <Fragment key={span.span}>
                    <TableCell align="right">
                      {formatChange(span, 'errorRatio')}
                    </TableCell>
                    <TableCell align="right">
                      {formatChange(span, 'budgetConsumed')}
                    </TableCell>
                  </Fragment>
                ))}
                <TableCell>
                  {madeWorse(impact.spans[0], impact.objective) ? (
                    <StatusWarning>Burnt budget</StatusWarning>
                  ) : (
                    <StatusOK>No regression</StatusOK>
                  )}
                </TableCell>
              </>
            ) : (
              <TableCell colSpan={2 + 2 * spans.length}>
                No impact figures: no SLO data for this release yet.
              </TableCell>
            )}
          </TableRow>
        ));
      })}
    </LabelledTable>
  );
}
