import { PendingSamples, buildExtendUpdate } from '../../live/batch';
import type { ExtendUpdate, TraceTail } from '../../live/batch';
import type { LiveBatch } from '../../live/emitter';

export interface AppenderHost {
  /** Trace tails in trace order; null while history is (re)loading: samples wait then. */
  tails(): TraceTail[] | null;
  /** Adds the points to the figure's data, without drawing. */
  extend(update: ExtendUpdate): void;
  /** Once per animation frame, after that frame's samples (if any) went in: draw. */
  frame(appended: boolean): void;
  requestFrame?: (callback: () => void) => number;
  cancelFrame?: (handle: number) => void;
}

/**
 * The chart's frame loop: everything that arrived since the last animation frame goes
 * into the figure at once, and the host then draws at most once, whatever the message
 * rate. Other changes (the window moved) ask for a frame too. Nothing here touches React.
 */
export class LiveAppender {
  private readonly pending = new PendingSamples();
  private handle: number | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly host: AppenderHost) {}

  receive(batch: LiveBatch): void {
    this.pending.add(batch);
    this.schedule();
  }

  /** Asks for a frame, unless one is already coming. */
  schedule(): void {
    if (this.handle !== null) return;
    const request = this.host.requestFrame ?? requestAnimationFrame;
    this.handle = request(() => {
      this.handle = null;
      this.host.frame(this.flush());
    });
  }

  /** Asks for a frame in `ms`: a draw that must wait its turn. */
  scheduleIn(ms: number): void {
    if (this.timer !== null) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.schedule();
    }, ms);
  }

  /** Adds what is pending to the figure now; true when points were added. */
  flush(): boolean {
    const tails = this.host.tails();
    if (tails === null || this.pending.size === 0) return false;
    const update = buildExtendUpdate(tails, this.pending.take());
    if (!update) return false;
    this.host.extend(update);
    return true;
  }

  dispose(): void {
    if (this.handle !== null) (this.host.cancelFrame ?? cancelAnimationFrame)(this.handle);
    if (this.timer !== null) clearTimeout(this.timer);
    this.handle = null;
    this.timer = null;
    this.pending.take();
  }
}
