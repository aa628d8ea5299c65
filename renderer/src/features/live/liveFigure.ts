import type { PlotLayout, PlotTrace } from 'plotly.js-basic-dist-min';
import type { ExtendUpdate } from '../../live/batch';
import type { TimeRange } from '../../state/selection';
import { MARKER_SIZE_PX, buildLayout, buildTrace, unitAxes } from './chartFigure';
import type { ChartColors, ChartStream } from './chartFigure';
import type { InkView } from './inkedTails';
import { toPlotlyDate } from './plotlyDates';
import { compactTrace, firstIndexFrom } from './traceCompaction';
import type { TraceColumns } from './traceCompaction';

/** Markers only for fewer points than one per this many px: denser, they blur the line. */
const MARKER_SPACING_PX = 8;

/** Live points are decimated like history: M4 in buckets of 5 px (maxPoints = plot width). */
const BUCKET_PX = 5;

/** A trace is compacted when it has doubled since the last time, and has at least this many. */
const COMPACT_FROM = 256;

interface AxisState {
  range?: unknown[];
  domain?: number[];
}

/**
 * The figure plotly draws, kept between draws: traces whose x/y arrays live points are
 * appended to in place, and a layout whose time axis the following window moves. Each draw
 * hands these same objects to Plotly.react with a new datarevision, so nothing is rebuilt
 * or copied per frame, and what the user changed through plotly (a trace hidden from the
 * legend, a y zoom) stays.
 */
export class LiveFigure {
  traces: PlotTrace[] = [];
  columns: TraceColumns[] = [];
  layout: PlotLayout = {};
  range: TimeRange | null = null;
  private revision = 0;
  private compacted: number[] = [];

  build(
    streams: readonly ChartStream[],
    columns: readonly TraceColumns[],
    range: TimeRange | null,
    colors: ChartColors,
  ): void {
    const units = unitAxes(streams);
    this.columns = streams.map((_, i) => columns[i] ?? { x: [], y: [] });
    this.traces = streams.map((s, i) => {
      const { x, y } = this.columns[i] as TraceColumns;
      return buildTrace(s, i, units, colors, x, y, false);
    });
    this.layout = buildLayout(units, range, colors);
    this.range = range;
    this.compacted = this.columns.map((c) => c.x.length);
  }

  setRange(range: TimeRange | null): void {
    this.range = range;
    const xaxis = this.layout.xaxis as Record<string, unknown>;
    // autorange is set either way: a double-click reset may have turned it on in this object.
    if (!range) xaxis.autorange = true;
    else
      Object.assign(xaxis, { autorange: false, range: [range.from, range.to].map(toPlotlyDate) });
  }

  /** Appends in place; a trace that doubled since its last compaction is compacted. */
  append(update: ExtendUpdate, plotWidthPx: number): void {
    const { from, to } = this.range ?? { from: -Infinity, to: Infinity };
    const bucketMs = this.view(plotWidthPx).msPerPx * BUCKET_PX;
    update.indices.forEach((index, j) => {
      const columns = this.columns[index];
      if (!columns) return;
      for (const x of update.x[j] ?? []) columns.x.push(x);
      for (const y of update.y[j] ?? []) columns.y.push(y);
      if (columns.x.length < Math.max(COMPACT_FROM, 2 * (this.compacted[index] ?? 0))) return;
      // Half a window out of view is kept, for a small pan.
      compactTrace(columns, from - (to - from) / 2, bucketMs);
      this.compacted[index] = columns.x.length;
    });
  }

  /**
   * Markers where the window holds few points (an isolated sample is invisible as a line),
   * unless they bunch up so that the markers would pile on each other (a fresh live stream:
   * a minute of 50 Hz samples in one pixel). Set from the points in view now, so they come
   * and go as samples arrive and the window moves. True when a trace changed mode.
   */
  updateMarkers(plotWidthPx: number): boolean {
    const { msPerPx } = this.view(plotWidthPx);
    let changed = false;
    this.traces.forEach((trace, i) => {
      const { count, span } = this.inView(i);
      const few = count > 0 && count < plotWidthPx / MARKER_SPACING_PX;
      const apart = count === 1 || span / (count - 1) >= MARKER_SIZE_PX * msPerPx;
      const mode = few && apart ? 'lines+markers' : 'lines';
      if (trace.mode !== mode) changed = true;
      trace.mode = mode;
    });
    return changed;
  }

  hasMarkers(index: number): boolean {
    return this.traces[index]?.mode !== 'lines';
  }

  /** Tells Plotly.react that data arrays changed in place. */
  nextRevision(): void {
    this.revision += 1;
    this.layout.datarevision = this.revision;
  }

  /** The value one pixel spans on the y axis of trace `index`, as last autoranged by plotly. */
  valuePerPixel(index: number, plotHeightPx: number): number {
    const ref = this.traces[index]?.yaxis ?? 'y';
    const axis = this.layout[`yaxis${ref.slice(1)}`] as AxisState | undefined;
    const [low, high] = axis?.range ?? [];
    const [bottom = 0, top = 1] = axis?.domain ?? [];
    if (typeof low !== 'number' || typeof high !== 'number') return 0;
    return Math.abs(high - low) / Math.max(1, plotHeightPx * (top - bottom));
  }

  /** The time window on screen: the set range, or all the data when autoranged. */
  view(plotWidthPx: number): InkView {
    if (this.range) {
      const { from, to } = this.range;
      return { from, to, msPerPx: (to - from) / plotWidthPx };
    }
    let [first, last] = [Infinity, -Infinity];
    for (const { x } of this.columns) {
      first = Math.min(first, x[0] ?? Infinity);
      last = Math.max(last, x.at(-1) ?? -Infinity);
    }
    const msPerPx = last > first ? (last - first) / plotWidthPx : 0;
    return { from: -Infinity, to: Infinity, msPerPx };
  }

  /** How many points of trace `index` are in the window, and the time they span. */
  private inView(index: number): { count: number; span: number } {
    const x = this.columns[index]?.x ?? [];
    const first = this.range ? firstIndexFrom(x, this.range.from) : 0;
    const end = this.range ? firstIndexFrom(x, this.range.to) : x.length;
    if (end <= first) return { count: 0, span: 0 };
    return { count: end - first, span: (x[end - 1] as number) - (x[first] as number) };
  }
}
