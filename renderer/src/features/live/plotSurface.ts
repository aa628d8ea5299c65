import type { PlotlyHTMLElement, PlotlyStatic } from 'plotly.js-basic-dist-min';
import type { ExtendUpdate } from '../../live/batch';
import type { TimeRange } from '../../state/selection';
import { PLOT_CONFIG, PLOT_MARGIN } from './chartFigure';
import type { ChartColors, ChartStream } from './chartFigure';
import { EventMarkers } from './eventMarkers';
import { InkedTails } from './inkedTails';
import { LiveFigure } from './liveFigure';
import { RedrawSchedule } from './redrawSchedule';
import { TailOverlay } from './tailOverlay';
import type { TraceColumns } from './traceCompaction';

export type Columns = TraceColumns;

/**
 * Every plotly call on the chart's div goes through here, so relayout events caused by
 * our own calls can be told apart from the user's zoom and pan. Live points that fit the
 * axes plotly drew go on the tail overlay (cheap); the rest, window moves and markers mark
 * the figure dirty, and draw() then redraws it in one Plotly.react, only when something
 * visible changed.
 */
export class PlotSurface {
  plotted = false;
  readonly figure = new LiveFigure();
  readonly markers: EventMarkers;
  private readonly ink = new InkedTails();
  private readonly tail: TailOverlay;
  private dirty = false;
  private readonly schedule: RedrawSchedule;
  private size: { width: number; height: number } | null = null;
  private ownCalls = 0;

  constructor(
    readonly div: HTMLDivElement,
    private readonly plotly: PlotlyStatic,
    private readonly onUserRelayout: (update: Record<string, unknown>) => void,
    private readonly clock: () => number = () => performance.now(),
  ) {
    this.tail = new TailOverlay(div);
    this.markers = new EventMarkers(div);
    this.schedule = new RedrawSchedule(clock);
  }

  /** A new figure (history loaded, theme switched), drawn now. */
  async render(
    streams: readonly ChartStream[],
    columns: readonly Columns[],
    range: TimeRange | null,
    colors: ChartColors,
  ): Promise<void> {
    this.figure.build(streams, columns, range, colors);
    await this.drawNow();
    if (this.plotted) return;
    this.plotted = true;
    const graph = this.div as PlotlyHTMLElement;
    graph.on('plotly_relayout', (update) => {
      if (this.ownCalls > 0) return;
      this.redrawTail();
      this.markers.hide();
      this.onUserRelayout(update);
    });
    // A drag moves plotly's layers under the overlay; a legend click hides a trace.
    for (const event of ['plotly_relayouting', 'plotly_restyle'])
      graph.on(event, () => {
        if (this.ownCalls > 0) return;
        this.redrawTail();
        if (event === 'plotly_relayouting') this.markers.hide();
      });
  }

  /** The columns currently drawn, live points included. */
  columns(): Columns[] {
    return this.figure.columns;
  }

  /** Adds live points to the figure; they are drawn by the next draw() if they show. */
  append(update: ExtendUpdate): void {
    this.figure.append(update, this.width());
    const now = this.clock();
    const onTail = update.indices.map((index, j) =>
      this.tail.add(index, update.x[j] ?? [], update.y[j] ?? [], now),
    );
    const shows = update.indices.some(
      (index, j) => !onTail[j] && this.ink.changes(index, update.x[j] ?? [], update.y[j] ?? []),
    );
    if (this.figure.updateMarkers(this.width()) || shows) this.dirty = true;
  }

  setRange(range: TimeRange | null): void {
    this.figure.setRange(range);
    this.dirty = true;
  }

  /** Draws what changed, if anything; returns how long to wait first when throttled. */
  draw(): number {
    if (!this.plotted) return 0;
    const wait = this.schedule.waitMs(this.dirty, this.tail.since);
    if (wait > 0) {
      this.tail.render();
      return Number.isFinite(wait) ? wait : 0;
    }
    void this.drawNow();
    return 0;
  }

  resize(): void {
    this.size = null;
    this.tail.suspend();
    if (!this.plotted) return;
    void this.call(() => this.plotly.Plots.resize(this.div));
    this.dirty = true;
  }

  clear(): void {
    this.plotted = false;
    this.tail.clear();
    this.markers.clear();
    this.plotly.purge(this.div);
  }

  /** Width of the data area in px: the resolution worth fetching. */
  width(): number {
    const width = this.measure().width - PLOT_MARGIN.l - PLOT_MARGIN.r;
    return width > 0 ? Math.max(100, width) : 1000;
  }

  private drawNow(): Promise<void> {
    const { figure } = this;
    this.dirty = false;
    figure.updateMarkers(this.width());
    figure.nextRevision();
    this.tail.suspend();
    // plotly draws synchronously: the call's time is the redraw's main-thread time.
    const done = this.schedule
      .measure(() =>
        this.call(() => this.plotly.react(this.div, figure.traces, figure.layout, PLOT_CONFIG)),
      )
      .then(() => {
        this.tail.reset(figure.traces);
        this.markers.place();
      });
    const plotHeight = this.measure().height - PLOT_MARGIN.t - PLOT_MARGIN.b;
    this.ink.note(
      figure.columns,
      figure.view(this.width()),
      (i) => figure.valuePerPixel(i, plotHeight),
      (i) => figure.hasMarkers(i),
    );
    return done;
  }

  /** plotly redrew or moved the plot itself: what the overlay drew goes into the next full draw. */
  private redrawTail(): void {
    if (this.tail.since !== null) this.dirty = true;
    this.tail.suspend();
  }

  /** The div's size, read once per resize: reading it per frame could force a layout. */
  private measure(): { width: number; height: number } {
    // (not kept while the div is not laid out yet)
    if (!this.size?.width)
      this.size = { width: this.div.clientWidth, height: this.div.clientHeight };
    return this.size;
  }

  private async call(call: () => Promise<unknown>): Promise<void> {
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
