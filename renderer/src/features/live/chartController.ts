import type { PlotlyStatic } from 'plotly.js-basic-dist-min';
import { errorMessage, isAbort } from '../../api/client';
import type { TraceTail } from '../../live/batch';
import { liveSamples } from '../../live/emitter';
import type { TimeRange } from '../../state/selection';
import type { ChartEvent } from './chartEvents';
import type { ChartColors } from './chartFigure';
import { historyKeyOf, phaseAfterLoad, toChartStream } from './chartIntent';
import type { ChartControllerOptions, ChartIntent, ChartPhase } from './chartIntent';
import { FollowSlider } from './followSlider';
import { loadHistory } from './historyLoader';
import { LiveAppender } from './liveAppender';
import { PlotSurface } from './plotSurface';
import type { Columns } from './plotSurface';

/**
 * The live chart: loads history for the intent, appends live samples through a
 * LiveAppender, slides a following window, and draws both in at most one plotly call per
 * animation frame. React hands it intents and renders its phase; samples never pass
 * through React.
 */
export class LiveChartController {
  intent: ChartIntent | null = null;
  tails: TraceTail[] = [];
  range: TimeRange | null = null;
  fetched: TimeRange | null = null;
  loading: AbortController | null = null;
  readonly surface: PlotSurface;
  private historyKey = '';
  private phase: ChartPhase = { kind: 'idle' };
  private readonly appender: LiveAppender;
  private readonly slider: FollowSlider;
  private readonly unsubscribe: () => void;

  constructor(
    div: HTMLDivElement,
    plotly: PlotlyStatic,
    private readonly options: ChartControllerOptions,
  ) {
    this.slider = new FollowSlider(this, options.onUserRange);
    this.surface = new PlotSurface(
      div,
      plotly,
      (update) => this.slider.userRelayout(update),
      options.drawClock,
    );
    this.appender = new LiveAppender({
      tails: () => (this.loading || !this.surface.plotted ? null : this.tails),
      extend: (update) => this.surface.append(update),
      frame: (appended) => this.frame(appended),
      requestFrame: options.requestFrame,
    });
    this.unsubscribe = liveSamples.on((batch) => {
      if (this.intent?.streams.some((s) => s.key === batch.datastream))
        this.appender.receive(batch);
    });
  }

  now(): number {
    return (this.options.now ?? Date.now)();
  }

  plotWidth(): number {
    return this.surface.width();
  }

  showRange(range: TimeRange): void {
    this.range = range;
    this.surface.setRange(range);
    this.appender.schedule();
  }

  setIntent(intent: ChartIntent): void {
    this.intent = intent;
    const key = historyKeyOf(intent);
    if (key !== this.historyKey) {
      this.historyKey = key;
      void this.reload();
    }
    this.slider.restart(this.surface.width());
  }

  async reload(): Promise<void> {
    const intent = this.intent;
    if (!intent) return;
    this.loading?.abort();
    this.loading = null;
    if (intent.streams.length === 0) {
      [this.tails, this.range, this.fetched] = [[], null, null];
      this.surface.clear();
      return this.setPhase({ kind: 'idle' });
    }
    const abort = new AbortController();
    this.loading = abort;
    this.setPhase({ kind: 'loading' });
    const range = intent.customRange ?? this.slider.target(intent.preset);
    try {
      const load = this.options.load ?? loadHistory;
      const loaded = await load(intent.streams, range, this.surface.width(), abort.signal);
      if (abort.signal.aborted) return;
      this.tails = loaded.map((l) => ({ key: l.key, lastT: l.lastT, gapMs: l.gapMs }));
      this.range = range;
      this.fetched = range;
      await this.render(loaded);
      this.setPhase(phaseAfterLoad(loaded));
    } catch (error) {
      if (!isAbort(error)) this.setPhase({ kind: 'error', message: errorMessage(error) });
      return;
    } finally {
      if (this.loading === abort) this.loading = null;
    }
    // Samples that arrived during the load: drawn next frame, those already in the history skipped.
    this.appender.schedule();
  }

  /** Alerts, jobs and commands to mark on the time axis. */
  setEvents(events: readonly ChartEvent[]): void {
    this.surface.markers.set(events);
  }

  /** Theme switch: same data, new colors. */
  setColors(colors: ChartColors): void {
    this.options.colors = colors;
    if (this.surface.plotted) void this.render(this.surface.columns());
  }

  resize(): void {
    this.surface.resize();
    this.slider.restart(this.surface.width(), true);
    this.appender.schedule();
  }

  destroy(): void {
    this.unsubscribe();
    this.loading?.abort();
    this.appender.dispose();
    this.slider.dispose();
    this.surface.clear();
  }

  /** The frame: new samples are in; move the window if a step is due, then draw once. */
  private frame(appended: boolean): void {
    if (appended && this.phase.kind === 'empty')
      this.setPhase({ kind: 'ready', failed: this.phase.failed });
    this.slider.slide();
    // A load under way replaces the figure anyway.
    const wait = this.loading ? 0 : this.surface.draw();
    if (wait > 0) this.appender.scheduleIn(wait);
  }

  private render(columns: readonly Columns[]): Promise<void> {
    const streams = (this.intent?.streams ?? []).map(toChartStream);
    return this.surface.render(streams, columns, this.range, this.options.colors);
  }

  private setPhase(phase: ChartPhase): void {
    this.phase = phase;
    this.options.onPhase(phase);
  }
}
