/*
 * "Who gets paged": per severity, the receiver an alert of the entity reaches through the
 * routing Lookout generates (as the backend resolves it), worded by common's `formatPaging`.
 */
import Typography from '@material-ui/core/Typography';
import {
  formatPaging,
  PagingRoute,
} from '@lookout/plugin-observability-common';

/** Props of {@link WhoGetsPaged}. */
export interface WhoGetsPagedProps {
  /** Absent when the entity has no SLO alerts: nothing is shown. */
  paging?: PagingRoute[];
}

/** `pages → PagerDuty (team-shop), tickets → #shop-alerts`, and a hint when no pager is reached. */
export function WhoGetsPaged(props: WhoGetsPagedProps) {
  const { paging } = props;
  if (!paging || paging.length === 0) {
    return null;
  }
  const page = paging.find(route => route.severity === 'page');
  return (
    <>
      <Typography variant="body2">{formatPaging(paging)}</Typography>
      {page && !page.pages && (
        <Typography variant="body2" color="textSecondary">
          No pager is reached: add pagerduty.com/integration-key (or
          lookout.dev/pager-secret) to the owner&apos;s Group.
        </Typography>
      )}
    </>
  );
}
