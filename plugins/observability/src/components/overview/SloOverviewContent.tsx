/*
 * Every SLO in the catalog (`GET /slos`), filtered by owner, paginated by the backend and sorted
 * by state or budget within the page.
 */
import { useEffect, useState } from 'react';
import { EmptyState, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Paper from '@material-ui/core/Paper';
import TablePagination from '@material-ui/core/TablePagination';
import useAsync from 'react-use/esm/useAsync';
import { observabilityApiRef } from '../../api/ObservabilityApi';
import { SloSort } from '../../lib/sortSlos';
import { SignalErrorPanel } from '../shared/SignalErrorPanel';
import { OwnerFilter } from './OwnerFilter';
import { SloOverviewTable } from './SloOverviewTable';

/** Props of {@link SloOverviewContent}. @public */
export interface SloOverviewContentProps {
  /** Initial owner filter, e.g. `group:default/team-a`. */
  owner?: string;
  /** Rows per page; 25 unless set. */
  pageSize?: number;
  /** Path of the SLOs tab below an entity page; default `slos`. */
  slosTabPath?: string;
}

const PAGE_SIZES = [10, 25, 50, 100];

/**
 * The SLO overview without page chrome, for the new frontend system's page (which brings its
 * own header) or for embedding.
 * @public
 */
export function SloOverviewContent(props: SloOverviewContentProps) {
  const api = useApi(observabilityApiRef);
  const [owner, setOwner] = useState(props.owner ?? '');
  const [page, setPage] = useState(0);
  const [pageSize, setPageSize] = useState(props.pageSize ?? 25);
  const [sort, setSort] = useState<SloSort>({ by: 'state', direction: 'asc' });
  const [owners, setOwners] = useState<string[]>([]);

  const { value, loading, error } = useAsync(
    () =>
      api.listSlos({
        owner: owner || undefined,
        offset: page * pageSize,
        limit: pageSize,
      }),
    [api, owner, page, pageSize],
  );
  useEffect(() => {
    const seen =
      value?.items.flatMap(item => (item.owner ? [item.owner] : [])) ?? [];
    if (seen.length > 0) {
      setOwners(current => Array.from(new Set([...current, ...seen])).sort());
    }
  }, [value]);

  let body;
  if (loading) {
    body = <Progress />;
  } else if (error || !value) {
    body = (
      <SignalErrorPanel
        what="SLOs"
        error={error ?? new Error('empty response')}
      />
    );
  } else if (value.items.length === 0) {
    body = (
      <EmptyState
        missing="data"
        title={owner ? `No SLOs owned by ${owner}` : 'No SLOs in the catalog'}
        description="SLOs come from the lookout.dev/slo-availability, lookout.dev/slo-latency and lookout.dev/slos annotations."
      />
    );
  } else {
    body = (
      <Paper variant="outlined">
        <SloOverviewTable
          rows={value.items}
          sort={sort}
          onSortChange={setSort}
          slosTabPath={props.slosTabPath ?? 'slos'}
        />
        <TablePagination
          component="div"
          count={value.totalItems}
          page={page}
          rowsPerPage={pageSize}
          rowsPerPageOptions={PAGE_SIZES}
          onPageChange={(_event, next) => setPage(next)}
          onRowsPerPageChange={event => {
            setPageSize(Number(event.target.value));
            setPage(0);
          }}
        />
      </Paper>
    );
  }

  return (
    <Box>
      <Box mb={2}>
        <OwnerFilter
          value={owner}
          options={owners}
          onChange={next => {
            setOwner(next);
            setPage(0);
          }}
        />
      </Box>
      {body}
    </Box>
  );
}
