import type { TimeRange } from '../../state/selection';
import type { ChartIntent } from './chartIntent';
import { relayoutIntent } from './plotlyDates';
import type { PlotSurface } from './plotSurface';
import { PRESET_SPAN_MS, overlaps, presetRange, slideIntervalMs } from './timeRange';

/** The parts of the chart controller the slider reads and drives. */
export interface SliderHost {
  readonly intent: ChartIntent | null;
  range: TimeRange | null;
  readonly fetched: TimeRange | null;
  readonly loading: unknown;
  readonly surface: PlotSurface;
  now(): number;
  latestDataT(): number | null;
  reload(): Promise<void>;
}

/** Wait for the wheel/drag to settle before refetching: scroll-zoom fires many relayouts. */
export const USER_RANGE_DEBOUNCE_MS = 300;

/**
 * Keeps a following window on its preset width, ending at now (or at the newest data of an
 * archive), and turns the user's zoom/pan into a debounced range request.
 */
export class FollowSlider {
  private timer: ReturnType<typeof setInterval> | null = null;
  private userTimer: ReturnType<typeof setTimeout> | null = null;
  private tickKey = '';

  constructor(
    private readonly host: SliderHost,
    private readonly onUserRange: (range: TimeRange | null) => void,
  ) {}

  /** The window the preset shows right now. */
  target(preset: ChartIntent['preset']): TimeRange | null {
    return presetRange(preset, this.host.latestDataT(), this.host.now());
  }

  /**
   * (Re)starts the clock tick that slides the window when following. Only when follow,
   * preset or zoom changed (or `force`, after a resize): the catalog refreshes the intent
   * every few seconds while data flows, and a 30 s tick restarted that often never fires.
   */
  restart(plotWidthPx: number, force = false): void {
    const intent = this.host.intent;
    const key = JSON.stringify([intent?.follow, intent?.preset, intent?.customRange]);
    if (key === this.tickKey && !force) return;
    this.tickKey = key;
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    const span = intent ? PRESET_SPAN_MS[intent.preset] : null;
    if (!intent?.follow || intent.customRange || span === null) return;
    this.timer = setInterval(() => this.slide(), slideIntervalMs(span, plotWidthPx));
  }

  slide(): void {
    const { host } = this;
    const intent = host.intent;
    if (!intent?.follow || intent.customRange || host.loading || this.userTimer !== null) return;
    const next = this.target(intent.preset);
    const current = host.range;
    if (!next || !current || (next.from === current.from && next.to === current.to)) return;
    // A jump out of what was fetched (an archive view that just received live data, or a
    // window that slid a whole width) needs history for the new window, not just a relayout.
    if (!host.fetched || !overlaps(next, host.fetched)) {
      void host.reload();
      return;
    }
    host.range = next;
    void host.surface.showRange(next);
  }

  userRelayout(update: Record<string, unknown>): void {
    const intent = relayoutIntent(update);
    if (!intent) return;
    if (this.userTimer !== null) clearTimeout(this.userTimer);
    // Stops sliding at once; the range request itself waits for the gesture to end.
    this.userTimer = setTimeout(() => {
      this.userTimer = null;
      this.onUserRange(intent.kind === 'range' ? intent.range : null);
    }, USER_RANGE_DEBOUNCE_MS);
  }

  dispose(): void {
    if (this.timer !== null) clearInterval(this.timer);
    if (this.userTimer !== null) clearTimeout(this.userTimer);
    this.timer = null;
    this.userTimer = null;
  }
}
