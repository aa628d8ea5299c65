/**
 * Redraws take plotly at most a twentieth of the main thread: after one that took 20 ms,
 * the next waits 380 ms (2 s at most, so a slow machine still updates). A redraw is one
 * long task of 10–40 ms however few the points, a dropped frame each, so this bounds the
 * dropped frames however fast data come, and adapts to the machine.
 */
const IDLE_PER_DRAW = 19;
const MAX_WAIT_MS = 2_000;

/**
 * Points drawn on the tail overlay go into plotly's own figure (hover, export) within this
 * long: one full redraw per 10 s costs a hut PC at most 0.4 % of its main thread.
 */
export const CATCH_UP_MS = 10_000;

/** When the next full plotly redraw may run, on the given clock (ms). */
export class RedrawSchedule {
  private nextDrawAt = 0;

  constructor(private readonly clock: () => number) {}

  /**
   * How long to wait before a full redraw: 0 to draw now, else the wait (Infinity when
   * none is due). `dirty`: the figure changed; `tailSince`: since when the tail overlay
   * holds points plotly has not drawn (null: none).
   */
  waitMs(dirty: boolean, tailSince: number | null): number {
    const now = this.clock();
    const catchUp = tailSince === null ? Infinity : Math.max(0, tailSince + CATCH_UP_MS - now);
    if (!dirty && catchUp > 0) return catchUp;
    return Math.max(0, this.nextDrawAt - now);
  }

  /** Runs `draw` (a synchronous plotly redraw) and spaces the next one by its cost. */
  measure<T>(draw: () => T): T {
    const started = this.clock();
    const result = draw();
    const finished = this.clock();
    this.nextDrawAt = finished + Math.min(MAX_WAIT_MS, (finished - started) * IDLE_PER_DRAW);
    return result;
  }
}
