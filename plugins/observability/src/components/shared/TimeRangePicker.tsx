/*
 * Relative time range picker (1h … 30d) shared by the SLOs, Logs and Traces tabs. An absolute
 * range (opened from a link) shows as an extra, selected "custom" option.
 */
import ToggleButton from '@material-ui/lab/ToggleButton';
import ToggleButtonGroup from '@material-ui/lab/ToggleButtonGroup';
import {
  isTimeRangePreset,
  TIME_RANGE_PRESETS,
  TimeRange,
} from '../../lib/timeRange';
import { formatDateTime } from '../../lib/format';

/** Props of {@link TimeRangePicker}. */
export interface TimeRangePickerProps {
  value: TimeRange;
  onChange: (range: TimeRange) => void;
}

const CUSTOM = 'custom';

/** A row of toggle buttons, one per preset. */
export function TimeRangePicker(props: TimeRangePickerProps) {
  const { value, onChange } = props;
  const selected = 'preset' in value ? value.preset : CUSTOM;
  return (
    <ToggleButtonGroup
      size="small"
      exclusive
      value={selected}
      aria-label="Time range"
      onChange={(_event, next: string | null) => {
        if (next && isTimeRangePreset(next)) {
          onChange({ preset: next });
        }
      }}
    >
      {TIME_RANGE_PRESETS.map(preset => (
        <ToggleButton
          key={preset.value}
          value={preset.value}
          title={preset.label}
        >
          {preset.value}
        </ToggleButton>
      ))}
      {'from' in value && (
        <ToggleButton value={CUSTOM} disabled>
          {formatDateTime(value.from)} – {formatDateTime(value.to)}
        </ToggleButton>
      )}
    </ToggleButtonGroup>
  );
}
