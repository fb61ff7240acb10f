/*
 * One chart of the Metrics tab (recharts): every series of a panel as a line, an area or bars,
 * in the panel's unit, with a caption saying what it shows, how many series were left out and
 * why a failed query has no data, and the releases of its time range as vertical markers.
 * Described for screen readers by its caption.
 */
import Typography from '@material-ui/core/Typography';
import { useTheme } from '@material-ui/core/styles';
import { MetricPanel, Release } from '@lookout/plugin-observability-common';
import { Area, Bar, ComposedChart, Legend, Line } from 'recharts';
import { chartRows, describePanel } from '../../lib/metricChartData';
import { formatMetricValue } from '../../lib/metricUnits';
import {
  CHART_MARGIN,
  ChartFigure,
  releaseMarkers,
  timeAxes,
} from '../slos/SeriesChart';
import { seriesColor } from '../traces/serviceColor';

/** Props of {@link MetricChart}. */
export interface MetricChartProps {
  panel: MetricPanel;
  /** Releases drawn as vertical markers (those outside the chart's time range are left out). */
  releases?: Release[];
  height?: number;
}

/** The recharts mark of series `index` in the panel's kind. */
function seriesMark(panel: MetricPanel, index: number) {
  const series = panel.series[index];
  const color = seriesColor(index);
  const key = `${index}-${series.name}`;
  const common = {
    dataKey: `s${index}`,
    name: series.name,
    isAnimationActive: false,
  };
  if (panel.kind === 'bar') {
    return <Bar key={key} {...common} fill={color} stackId="bars" />;
  }
  const curve = {
    type: 'monotone' as const,
    stroke: color,
    connectNulls: false,
  };
  return panel.kind === 'area' ? (
    <Area key={key} {...common} {...curve} fill={color} fillOpacity={0.25} />
  ) : (
    <Line key={key} {...common} {...curve} dot={false} strokeWidth={2} />
  );
}

function Notes(props: { panel: MetricPanel }) {
  const { panel } = props;
  return (
    <>
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
    </>
  );
}

/** A labelled figure with one mark per series. */
export function MetricChart(props: MetricChartProps) {
  const { panel, height = 220 } = props;
  const theme = useTheme();
  const format = (v: number) => formatMetricValue(v, panel.unit);
  return (
    <ChartFigure
      title={panel.title}
      description={panel.description}
      summary={describePanel(panel)}
      notes={<Notes panel={panel} />}
      height={height}
    >
      <ComposedChart data={chartRows(panel)} margin={CHART_MARGIN}>
        {timeAxes(theme, { formatValue: format, valueAxisWidth: 72 })}
        {panel.series.length > 1 && <Legend wrapperStyle={{ fontSize: 11 }} />}
        {releaseMarkers(theme, props.releases)}
        {panel.series.map((_, index) => seriesMark(panel, index))}
      </ComposedChart>
    </ChartFigure>
  );
}
