/*
 * The header of an entity tab that charts a time range (SLOs, Metrics): its title and the time
 * range picker at the other end.
 */
import Typography from '@material-ui/core/Typography';
import { TimeRange } from '../../lib/timeRange';
import { FlexRow } from './FlexRow';
import { TimeRangePicker } from './TimeRangePicker';

/** Props of {@link TabHeader}. */
export interface TabHeaderProps {
  title: string;
  range: TimeRange;
  onRangeChange: (range: TimeRange) => void;
}

/** The title as the tab's heading (h2), the picker on the right. */
export function TabHeader(props: TabHeaderProps) {
  return (
    <FlexRow spread mb={2}>
      <Typography variant="h5" component="h2">
        {props.title}
      </Typography>
      <TimeRangePicker value={props.range} onChange={props.onRangeChange} />
    </FlexRow>
  );
}
