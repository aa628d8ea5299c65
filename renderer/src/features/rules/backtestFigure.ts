import type { Datum, PlotLayout, PlotTrace } from 'plotly.js-basic-dist-min';
import type { TimeRange } from '../../state/selection';
import { buildLayout, buildTrace, unitAxes, type ChartColors } from '../live/chartFigure';
import { toPlotlyDate } from '../live/plotlyDates';
import type { AlertWindow } from './backtestStore';
import type { InputHistory } from './backtestHistory';

// The backtest over the history: the rule's inputs as lines (one y axis per unit, as on
// the Live page), each alert window shaded across them, and a strip under them with one
// bar per window named by severity, so the windows read without colour too.

/** Colours of the severities, from the theme (critical is --bad, warning --warn). */
export type SeverityColors = Record<string, string>;

export interface BacktestFigure {
  traces: PlotTrace[];
  layout: PlotLayout;
  counts: { inputs: number; alerts: number; traces: number };
}

/** Share of the plot's height for the alert strip at the bottom. */
const STRIP = 0.14;
/** An input with fewer points than this gets markers: a lone sample is no line. */
const MARKERS_BELOW = 300;
const SEVERITY_ORDER = ['critical', 'warning', 'info'];

export function buildBacktestFigure(
  inputs: readonly InputHistory[],
  windows: readonly AlertWindow[],
  range: TimeRange,
  colors: ChartColors,
  severityColors: SeverityColors,
): BacktestFigure {
  const streams = inputs.map((input) => ({
    key: input.key,
    label: `${input.alias} (${input.key})`,
    unit: input.unit,
  }));
  const units = unitAxes(streams);
  const lines = streams.map((stream, i) => {
    const input = inputs[i] as InputHistory;
    return buildTrace(stream, i, units, colors, input.x, input.y, input.x.length < MARKERS_BELOW);
  });
  const strip = `y${Math.max(1, units.length) + 1}`;
  const colorOf = (severity: string) => severityColors[severity] ?? colors.text;
  const severities = [...new Set(windows.map((w) => w.severity))].sort(
    (a, b) => SEVERITY_ORDER.indexOf(a) - SEVERITY_ORDER.indexOf(b),
  );
  const bars = severities.map((severity) =>
    alertTrace(
      windows.filter((w) => w.severity === severity),
      severity,
      colorOf(severity),
      range,
      strip,
    ),
  );
  const layout = stackOverStrip(buildLayout(units, range, colors), units.length, colors);
  layout.shapes = windows.map((w) => ({
    type: 'rect',
    xref: 'x',
    yref: 'paper',
    x0: toPlotlyDate(w.startMs),
    x1: toPlotlyDate(endOf(w, range)),
    y0: STRIP,
    y1: 1,
    layer: 'below',
    fillcolor: colorOf(w.severity),
    opacity: 0.18,
    // A window shorter than a pixel still shows as a line.
    line: { color: colorOf(w.severity), width: 1 },
  }));
  const traces = [...lines, ...bars];
  return {
    traces,
    layout,
    counts: { inputs: lines.length, alerts: windows.length, traces: traces.length },
  };
}

/** A still open window lasts to the end of the range. */
function endOf(window: AlertWindow, range: TimeRange): number {
  return window.resolvedMs ?? range.to;
}

/** One bar per window (start to end) on the strip, with a marker where it started. */
function alertTrace(
  windows: readonly AlertWindow[],
  severity: string,
  color: string,
  range: TimeRange,
  axis: string,
): PlotTrace {
  const x: Datum[] = [];
  const y: Datum[] = [];
  for (const w of windows) x.push(w.startMs, endOf(w, range), null);
  for (let i = 0; i < windows.length; i += 1) y.push(0.5, 0.5, null);
  return {
    type: 'scatter',
    mode: 'lines+markers',
    name: `${severity} alerts (${windows.length})`,
    uid: `alerts-${severity}`,
    x,
    y,
    yaxis: axis,
    connectgaps: false,
    line: { color, width: 8 },
    marker: { color, size: 9 },
    hovertemplate: `${severity} alert<extra>backtest</extra>`,
  };
}

/** Squeezes the unit axes of the Live layout above the strip and adds the strip's axis. */
function stackOverStrip(layout: PlotLayout, unitCount: number, colors: ChartColors): PlotLayout {
  const n = Math.max(1, unitCount);
  for (let i = 0; i < n; i += 1) {
    const axis = layout[i === 0 ? 'yaxis' : `yaxis${i + 1}`] as
      { domain?: [number, number] } | undefined;
    if (axis?.domain) {
      const [bottom, top] = axis.domain;
      axis.domain = [STRIP + bottom * (1 - STRIP), STRIP + top * (1 - STRIP)];
    } else {
      // No input drew (all failed): the first axis still holds the shading's place.
      layout.yaxis = { domain: [STRIP, 1], visible: false };
    }
  }
  layout[`yaxis${n + 1}`] = {
    domain: [0, STRIP - 0.04],
    range: [0, 1],
    fixedrange: true,
    showgrid: false,
    zeroline: false,
    showticklabels: false,
    title: { text: 'alerts', font: { color: colors.muted, size: 11 }, standoff: 8 },
  };
  layout.xaxis = { ...(layout.xaxis as Record<string, unknown>), anchor: `y${n + 1}` };
  return layout;
}
