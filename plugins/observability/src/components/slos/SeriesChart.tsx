/*
 * A time-series line chart (recharts) themed for light and dark mode: the budget burn-down and
 * the error ratio of one SLO. Described for screen readers by its caption.
 */
import Typography from '@material-ui/core/Typography';
import { makeStyles, useTheme } from '@material-ui/core/styles';
import { Release, SeriesPoint } from '@lookout/plugin-observability-common';
import {
  CartesianGrid,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatDateTime } from '../../lib/format';
import { ReleaseMarkerLabel } from '../releases/ReleaseMarkerLabel';

const useStyles = makeStyles(theme => ({
  figure: { margin: 0, minWidth: 0 },
  caption: { marginBottom: theme.spacing(1) },
}));

/** Props of {@link SeriesChart}. */
export interface SeriesChartProps {
  title: string;
  /** One sentence for screen readers and as the caption's detail. */
  description: string;
  points: SeriesPoint[];
  formatValue: (value: number) => string;
  color: string;
  /** A horizontal reference (budget exhausted, objective's error ratio). */
  reference?: { value: number; label: string };
  /** Releases drawn as vertical markers (those outside the chart's time range are left out). */
  releases?: Release[];
  height?: number;
}

/** A labelled figure with one line and an optional reference line. */
export function SeriesChart(props: SeriesChartProps) {
  const classes = useStyles();
  const theme = useTheme();
  const { points, formatValue, reference, height = 220 } = props;
  const data = points.map(([t, v]) => ({ t, v }));
  const axisColor = theme.palette.text.secondary;
  return (
    <figure
      className={classes.figure}
      aria-label={`${props.title}: ${props.description}`}
    >
      <figcaption className={classes.caption}>
        <Typography variant="subtitle2" component="span">
          {props.title}
        </Typography>
        <Typography variant="caption" color="textSecondary" component="p">
          {props.description}
        </Typography>
      </figcaption>
      <ResponsiveContainer
        width="100%"
        height={height}
        initialDimension={{ width: 480, height }}
      >
        <LineChart
          data={data}
          margin={{ top: 8, right: 16, bottom: 0, left: 8 }}
        >
          <CartesianGrid stroke={theme.palette.divider} strokeDasharray="3 3" />
          <XAxis
            dataKey="t"
            type="number"
            scale="time"
            domain={['dataMin', 'dataMax']}
            tickFormatter={(t: number) => formatDateTime(t).slice(5)}
            stroke={axisColor}
            tick={{ fill: axisColor, fontSize: 11 }}
          />
          <YAxis
            tickFormatter={(v: number) => formatValue(v)}
            stroke={axisColor}
            tick={{ fill: axisColor, fontSize: 11 }}
            width={64}
          />
          <Tooltip
            labelFormatter={(t: number) => formatDateTime(t)}
            formatter={(v: number) => [formatValue(v), props.title]}
            contentStyle={{
              background: theme.palette.background.paper,
              borderColor: theme.palette.divider,
              color: theme.palette.text.primary,
            }}
          />
          {reference && (
            <ReferenceLine
              y={reference.value}
              stroke={theme.palette.error.main}
              strokeDasharray="4 4"
              label={{
                value: reference.label,
                fill: theme.palette.text.secondary,
                fontSize: 11,
                position: 'insideTopRight',
              }}
            />
          )}
          {(props.releases ?? []).map(release => (
            <ReferenceLine
              key={release.id}
              x={release.at}
              stroke={theme.palette.info.main}
              strokeDasharray="2 3"
              label={
                <ReleaseMarkerLabel
                  release={release}
                  color={theme.palette.info.main}
                />
              }
            />
          ))}
          <Line
            type="monotone"
            dataKey="v"
            stroke={props.color}
            dot={false}
            strokeWidth={2}
            connectNulls={false}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
}
