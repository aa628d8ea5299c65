import type { Datum, PlotLayout, PlotTrace } from 'plotly.js-basic-dist-min';
import { displayUnit } from '../../format';
import type { TimeRange } from '../../state/selection';
import { toPlotlyDate } from './plotlyDates';

/** One line of the panel, as the figure needs it. */
export interface ChartStream {
  key: string;
  label: string;
  unit: string;
}

/** Colors read from the CSS theme, so plotly follows dark/light like the rest of the page. */
export interface ChartColors {
  background: string;
  text: string;
  muted: string;
  grid: string;
  axis: string;
  series: string[];
  font: string;
}

/** One y axis per distinct unit, stacked top to bottom in the order the units first appear. */
export function unitAxes(streams: readonly ChartStream[]): string[] {
  return [...new Set(streams.map((s) => s.unit))];
}

/** Diameter of the markers sparse traces get. */
export const MARKER_SIZE_PX = 5;

function axisId(index: number): string {
  return index === 0 ? 'y' : `y${index + 1}`;
}

export function buildTrace(
  stream: ChartStream,
  index: number,
  units: readonly string[],
  colors: ChartColors,
  x: Datum[],
  y: Datum[],
  /** Markers where points are sparse on screen: an isolated sample is invisible as a line. */
  markers: boolean,
): PlotTrace {
  const color = colors.series[index % colors.series.length] ?? colors.text;
  const unit = displayUnit(stream.unit);
  return {
    type: 'scatter',
    mode: markers ? 'lines+markers' : 'lines',
    name: `${stream.label} [${unit}]`,
    uid: stream.key,
    x,
    y,
    yaxis: axisId(Math.max(0, units.indexOf(stream.unit))),
    // Gaps stay gaps: a line across a missing day would invent data.
    connectgaps: false,
    line: { color, width: 1.5 },
    marker: { color, size: MARKER_SIZE_PX },
    hovertemplate: `%{y:.2f} ${unit}<extra>${stream.label}</extra>`,
  };
}

/** Room for the y tick labels and unit titles, the legend above and the time labels below. */
export const PLOT_MARGIN = { l: 64, r: 20, t: 36, b: 40 };

export function buildLayout(
  units: readonly string[],
  range: TimeRange | null,
  colors: ChartColors,
): PlotLayout {
  const n = Math.max(1, units.length);
  const gap = n > 1 ? 0.04 : 0;
  const axisStyle = {
    gridcolor: colors.grid,
    linecolor: colors.axis,
    tickcolor: colors.axis,
    zeroline: false,
    showline: true,
    tickfont: { color: colors.muted },
    // plotly's default ('hide past div') measures every tick label against every other on
    // each redraw, up to a quarter of a year plot's drawing time; the margins leave them room.
    ticklabeloverflow: 'allow',
  };
  const layout: PlotLayout = {
    paper_bgcolor: colors.background,
    plot_bgcolor: colors.background,
    font: { family: colors.font, color: colors.text, size: 11 },
    margin: { ...PLOT_MARGIN },
    showlegend: true,
    legend: {
      orientation: 'h',
      x: 0,
      xanchor: 'left',
      y: 1.01,
      yanchor: 'bottom',
      bgcolor: 'rgba(0,0,0,0)',
    },
    hovermode: 'x unified',
    hoverlabel: {
      bgcolor: colors.background,
      bordercolor: colors.axis,
      font: { color: colors.text },
    },
    dragmode: 'zoom',
    xaxis: {
      ...axisStyle,
      type: 'date',
      anchor: axisId(n - 1),
      hoverformat: '%Y-%m-%d %H:%M:%S UTC',
      ...(range
        ? { autorange: false, range: [toPlotlyDate(range.from), toPlotlyDate(range.to)] }
        : { autorange: true }),
    },
  };
  units.forEach((unit, i) => {
    const top = 1 - i / n;
    const bottom = 1 - (i + 1) / n;
    layout[i === 0 ? 'yaxis' : `yaxis${i + 1}`] = {
      ...axisStyle,
      domain: [bottom + (i === n - 1 ? 0 : gap / 2), top - (i === 0 ? 0 : gap / 2)],
      title: { text: displayUnit(unit), font: { color: colors.muted, size: 11 }, standoff: 8 },
      autorange: true,
      automargin: true,
    };
  });
  return layout;
}

/**
 * plotly options for a desk: no logo, scroll zooms the time axis, no hint pop-ups over the
 * data, and no "Share chart" (it uploads the figure to Plotly Cloud: station data stays local).
 */
export const PLOT_CONFIG = {
  displaylogo: false,
  responsive: false,
  scrollZoom: true,
  showTips: false,
  doubleClick: 'autosize',
  modeBarButtonsToRemove: ['sendChartToCloud', 'select2d', 'lasso2d', 'autoScale2d'],
  toImageButtonOptions: { filename: 'firn-live', scale: 2 },
};
