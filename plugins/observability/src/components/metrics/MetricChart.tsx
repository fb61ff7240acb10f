/*
 * One chart of the Metrics tab (recharts): every series of a panel as a line, an area or bars,
 * in the panel's unit, with a caption saying what it shows, how many series were left out and
 * why a failed query has no data. Described for screen readers by its caption.
 */
import Typography from '@material-ui/core/Typography';
import { makeStyles, useTheme } from '@material-ui/core/styles';
import { MetricPanel } from '@lookout/plugin-observability-common';
import {
  Area,
  Bar,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatDateTime } from '../../lib/format';
import { chartRows, describePanel } from '../../lib/metricChartData';
import { formatMetricValue } from '../../lib/metricUnits';
import { seriesColor } from '../traces/serviceColor';

const useStyles = makeStyles(theme => ({
  figure: { margin: 0, minWidth: 0 },
  caption: { marginBottom: theme.spacing(1) },
}));

/** Props of {@link MetricChart}. */
export interface MetricChartProps {
  panel: MetricPanel;
  height?: number;
}

/** A labelled figure with one mark per series. */
export function MetricChart(props: MetricChartProps) {
  const { panel, height = 220 } = props;
  const classes = useStyles();
  const theme = useTheme();
  const axisColor = theme.palette.text.secondary;
  const format = (v: number) => formatMetricValue(v, panel.unit);
  const marks = panel.series.map((series, index) => {
    const key = `${index}-${series.name}`;
    const dataKey = `s${index}`;
    const color = seriesColor(index);
    if (panel.kind === 'bar') {
      return (
        <Bar
          key={key}
          dataKey={dataKey}
          name={series.name}
          isAnimationActive={false}
          fill={color}
          stackId="bars"
        />
      );
    }
    if (panel.kind === 'area') {
      return (
        <Area
          key={key}
          dataKey={dataKey}
          name={series.name}
          isAnimationActive={false}
          type="monotone"
          stroke={color}
          fill={color}
          fillOpacity={0.25}
          connectNulls={false}
        />
      );
    }
    return (
      <Line
        key={key}
        dataKey={dataKey}
        name={series.name}
        isAnimationActive={false}
        type="monotone"
        stroke={color}
        dot={false}
        strokeWidth={2}
        connectNulls={false}
      />
    );
  });
  return (
    <figure
      className={classes.figure}
      aria-label={`${panel.title}: ${describePanel(panel)}`}
    >
      <figcaption className={classes.caption}>
        <Typography variant="subtitle2" component="span">
          {panel.title}
        </Typography>
        <Typography variant="caption" color="textSecondary" component="p">
          {panel.description}
        </Typography>
        {panel.omittedSeries > 0 && (
          <Typography variant="caption" color="textSecondary" component="p">
            {panel.omittedSeries} more series not shown (the largest{' '}
            {panel.series.length} are).
          </Typography>
        )}
        {panel.error && (
          <Typography variant="caption" color="error" component="p">
            {panel.error}
          </Typography>
        )}
      </figcaption>
      <ResponsiveContainer
        width="100%"
        height={height}
        initialDimension={{ width: 480, height }}
      >
        <ComposedChart
          data={chartRows(panel)}
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
            tickFormatter={format}
            stroke={axisColor}
            tick={{ fill: axisColor, fontSize: 11 }}
            width={72}
          />
          <Tooltip
            labelFormatter={(t: number) => formatDateTime(t)}
            formatter={(v: number) => format(v)}
            contentStyle={{
              background: theme.palette.background.paper,
              borderColor: theme.palette.divider,
              color: theme.palette.text.primary,
            }}
          />
          {panel.series.length > 1 && (
            <Legend wrapperStyle={{ fontSize: 11 }} />
          )}
          {marks}
        </ComposedChart>
      </ResponsiveContainer>
    </figure>
  );
}
