import type { InstrumentCommandMessage } from '../../../core/operations/instrument-catalogue';

/** How a delivery ended: the instrument's final word, or silence until the deadline. */
export type DeliveryOutcome =
  { status: 'done' } | { status: 'rejected'; reason: string } | { status: 'timed_out' };

export interface DeliveryOptions {
  /**
   * False on a redelivered job whose command is already marked sent: the message may have
   * left before the crash, so it is not sent again; only its acknowledgement is awaited.
   */
  send: boolean;
  /** Epoch ms after which the command counts as timed out. */
  deadlineMs: number;
  /** Told once when the instrument says it accepted the command (it is still working). */
  onAccepted?: () => Promise<void>;
  signal?: AbortSignal;
}

/** Talks to one kind of instrument link (MQTT, HTTP). */
export interface InstrumentDriver {
  deliver(message: InstrumentCommandMessage, options: DeliveryOptions): Promise<DeliveryOutcome>;
  close(): Promise<void>;
}

/** Resolves after `ms`, or at once when the signal aborts. */
export function pause(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, Math.max(0, ms));
    signal?.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
  });
}
