import type { PlotTrace, PlotlyHTMLElement, PlotlyStatic } from 'plotly.js-basic-dist-min';
import type { ExtendUpdate } from '../../live/batch';
import type { TimeRange } from '../../state/selection';
import { PLOT_CONFIG, buildLayout, buildTrace, unitAxes } from './chartFigure';
import type { ChartColors, ChartStream } from './chartFigure';
import { toPlotlyDate } from './plotlyDates';

/** Left + right plot margins (see buildLayout): what remains is the width in data pixels. */
const PLOT_MARGIN_X = 84;

export type Columns = Pick<PlotTrace, 'x' | 'y'>;

/**
 * Every plotly call on the chart's div goes through here, so relayout events caused by
 * our own calls (sliding, redraws) can be told apart from the user's zoom and pan.
 */
export class PlotSurface {
  plotted = false;
  private ownCalls = 0;

  constructor(
    readonly div: HTMLDivElement,
    private readonly plotly: PlotlyStatic,
    private readonly onUserRelayout: (update: Record<string, unknown>) => void,
  ) {}

  /** Full redraw (Plotly.react: diffed, cheap when little changed). */
  async render(
    streams: readonly ChartStream[],
    columns: readonly Columns[],
    range: TimeRange | null,
    colors: ChartColors,
  ): Promise<void> {
    const units = unitAxes(streams);
    // Markers only when points are at least ~8 px apart; denser, they just blur the line.
    const sparse = this.width() / 8;
    const traces = streams.map((s, i) => {
      const { x = [], y = [] } = columns[i] ?? {};
      return buildTrace(s, i, units, colors, x, y, x.length < sparse);
    });
    await this.draw(() =>
      this.plotly.react(this.div, traces, buildLayout(units, range, colors), PLOT_CONFIG),
    );
    if (this.plotted) return;
    this.plotted = true;
    (this.div as PlotlyHTMLElement).on('plotly_relayout', (update) => {
      if (this.ownCalls === 0) this.onUserRelayout(update);
    });
  }

  /** The columns currently drawn, live points included. */
  columns(): Columns[] {
    return (this.div as Partial<PlotlyHTMLElement>).data ?? [];
  }

  extend(update: ExtendUpdate, maxPoints: number): Promise<void> {
    return this.draw(() =>
      this.plotly.extendTraces(this.div, { x: update.x, y: update.y }, update.indices, maxPoints),
    );
  }

  showRange(range: TimeRange): Promise<void> {
    const xRange = [toPlotlyDate(range.from), toPlotlyDate(range.to)];
    return this.draw(() => this.plotly.relayout(this.div, { 'xaxis.range': xRange }));
  }

  resize(): void {
    if (this.plotted) void this.draw(() => this.plotly.Plots.resize(this.div));
  }

  clear(): void {
    this.plotted = false;
    this.plotly.purge(this.div);
  }

  /** Width of the data area in px: the resolution worth fetching. */
  width(): number {
    const width = this.div.clientWidth - PLOT_MARGIN_X;
    return width > 0 ? Math.max(100, width) : 1000;
  }

  private async draw(call: () => Promise<unknown>): Promise<void> {
    this.ownCalls += 1;
    try {
      await call();
    } catch (error) {
      console.error('plot update failed', error);
    } finally {
      this.ownCalls -= 1;
    }
  }
}
