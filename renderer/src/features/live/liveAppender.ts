import { PendingSamples, buildExtendUpdate } from '../../live/batch';
import type { ExtendUpdate, TraceTail } from '../../live/batch';
import type { LiveBatch } from '../../live/emitter';

export interface AppenderHost {
  /** Trace tails in trace order; null while history is (re)loading: samples wait then. */
  tails(): TraceTail[] | null;
  /** Draws the update (one extendTraces call). */
  extend(update: ExtendUpdate): Promise<void>;
  /** After points were drawn (to slide a following window, leave the empty state...). */
  appended(): void;
  requestFrame?: (callback: () => void) => number;
  cancelFrame?: (handle: number) => void;
}

/**
 * Draws live samples at most once per animation frame: everything that arrived since the
 * last frame goes into one extendTraces call, whatever the message rate. Nothing here
 * touches React.
 */
export class LiveAppender {
  private readonly pending = new PendingSamples();
  private frame: number | null = null;

  constructor(private readonly host: AppenderHost) {}

  receive(batch: LiveBatch): void {
    this.pending.add(batch);
    this.schedule();
  }

  /** Draws what is pending now; also called when a history load completes. */
  flush(): void {
    this.frame = null;
    const tails = this.host.tails();
    if (tails === null || this.pending.size === 0) return;
    const update = buildExtendUpdate(tails, this.pending.take());
    if (!update) return;
    void this.host.extend(update).then(() => this.host.appended());
  }

  dispose(): void {
    if (this.frame !== null) (this.host.cancelFrame ?? cancelAnimationFrame)(this.frame);
    this.frame = null;
    this.pending.take();
  }

  private schedule(): void {
    if (this.frame !== null) return;
    const request = this.host.requestFrame ?? requestAnimationFrame;
    this.frame = request(() => this.flush());
  }
}
