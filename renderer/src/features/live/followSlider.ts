import type { TraceTail } from '../../live/batch';
import type { TimeRange } from '../../state/selection';
import { latestDataT } from './chartIntent';
import type { ChartIntent } from './chartIntent';
import { relayoutIntent } from './plotlyDates';
import { PRESET_SPAN_MS, followRange, overlaps, slideIntervalMs } from './timeRange';

/** The parts of the chart controller the slider reads and drives. */
export interface SliderHost {
  readonly intent: ChartIntent | null;
  range: TimeRange | null;
  readonly fetched: TimeRange | null;
  readonly loading: unknown;
  readonly tails: readonly TraceTail[];
  now(): number;
  plotWidth(): number;
  reload(): Promise<void>;
  /** Moves the time axis to `range` (drawn with the next frame). */
  showRange(range: TimeRange): void;
}

/** Wait for the wheel/drag to settle before refetching: scroll-zoom fires many relayouts. */
export const USER_RANGE_DEBOUNCE_MS = 300;

/**
 * Keeps a following window on its preset width, ending at now (or at the newest data of an
 * archive), moved in whole steps, and turns the user's zoom/pan into a debounced range
 * request.
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
    const { host } = this;
    const latest = latestDataT(host.intent?.streams ?? [], host.tails);
    return followRange(preset, latest, host.now(), host.plotWidth());
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

  /** Called on the clock tick and after every frame's samples: a no-op until a step is due. */
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
    host.showRange(next);
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
