/*
 * A time-series line chart (recharts) themed for light and dark mode: the budget burn-down and
 * the error ratio of one SLO. Described for screen readers by its caption. Also the pieces every
 * time chart of the plugin shares (the Metrics tab's charts too): the labelled figure, the time
 * and value axes with their tooltip, and the releases as vertical markers.
 */
import { ReactElement, ReactNode } from 'react';
import Typography from '@material-ui/core/Typography';
import { makeStyles, Theme, useTheme } from '@material-ui/core/styles';
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

/** The margin of every time chart's plot area. */
export const CHART_MARGIN = { top: 8, right: 16, bottom: 0, left: 8 };

/** Props of {@link ChartFigure}. */
export interface ChartFigureProps {
  title: string;
  /** One sentence for screen readers and as the caption's detail. */
  description: string;
  /** What screen readers hear after the title; default `description`. */
  summary?: string;
  /** More caption lines under the description. */
  notes?: ReactNode;
  height: number;
  /** A recharts chart (`LineChart`, `ComposedChart`). */
  children: ReactElement;
}

/** A `<figure>` labelled by title and summary, with a caption over a chart filling its width. */
export function ChartFigure(props: ChartFigureProps) {
  const classes = useStyles();
  const { height } = props;
  return (
    <figure
      className={classes.figure}
      aria-label={`${props.title}: ${props.summary ?? props.description}`}
    >
      <figcaption className={classes.caption}>
        <Typography variant="subtitle2" component="span">
          {props.title}
        </Typography>
        <Typography variant="caption" color="textSecondary" component="p">
          {props.description}
        </Typography>
        {props.notes}
      </figcaption>
      <ResponsiveContainer
        width="100%"
        height={height}
        initialDimension={{ width: 480, height }}
      >
        {props.children}
      </ResponsiveContainer>
    </figure>
  );
}

/** How {@link timeAxes} labels values. */
export interface TimeAxesOptions {
  formatValue: (value: number) => string;
  /** The tooltip's text of a value; default `formatValue`. */
  tooltipValue?: (value: number) => string | [string, string];
  /** Width of the value axis in pixels. */
  valueAxisWidth: number;
}

/**
 * Grid, time axis (the data's extent), value axis and tooltip of a time chart, as recharts
 * children (recharts 2 finds them only as direct children, so this returns elements, not a
 * component).
 */
export function timeAxes(theme: Theme, options: TimeAxesOptions) {
  const axisColor = theme.palette.text.secondary;
  const tick = { fill: axisColor, fontSize: 11 };
  return [
    <CartesianGrid
      key="grid"
      stroke={theme.palette.divider}
      strokeDasharray="3 3"
    />,
    <XAxis
      key="x"
      dataKey="t"
      type="number"
      scale="time"
      domain={['dataMin', 'dataMax']}
      tickFormatter={(t: number) => formatDateTime(t).slice(5)}
      stroke={axisColor}
      tick={tick}
    />,
    <YAxis
      key="y"
      tickFormatter={(v: number) => options.formatValue(v)}
      stroke={axisColor}
      tick={tick}
      width={options.valueAxisWidth}
    />,
    <Tooltip
      key="tooltip"
      labelFormatter={(t: number) => formatDateTime(t)}
      formatter={(v: number) =>
        (options.tooltipValue ?? options.formatValue)(v)
      }
      contentStyle={{
        background: theme.palette.background.paper,
        borderColor: theme.palette.divider,
        color: theme.palette.text.primary,
      }}
    />,
  ];
}

/**
 * A vertical marker per release, labelled with its version, as recharts children; releases
 * outside the chart's time axis are left out.
 */
export function releaseMarkers(theme: Theme, releases: Release[] = []) {
  const color = theme.palette.info.main;
  return releases.map(release => (
    <ReferenceLine
      key={release.id}
      x={release.at}
      ifOverflow="discard"
      stroke={color}
      strokeDasharray="2 3"
      label={<ReleaseMarkerLabel release={release} color={color} />}
    />
  ));
}

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
  const theme = useTheme();
  const { points, formatValue, reference, height = 220 } = props;
  const data = points.map(([t, v]) => ({ t, v }));
  return (
    <ChartFigure
      title={props.title}
      description={props.description}
      height={height}
    >
      <LineChart data={data} margin={CHART_MARGIN}>
        {timeAxes(theme, {
          formatValue,
          tooltipValue: v => [formatValue(v), props.title],
          valueAxisWidth: 64,
        })}
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
        {releaseMarkers(theme, props.releases)}
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
    </ChartFigure>
  );
}
