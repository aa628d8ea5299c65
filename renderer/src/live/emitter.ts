import type { LiveServerMessage } from '../../../core/contracts/live';

export type Listener<T> = (value: T) => void;

/**
 * A minimal typed event emitter. Live samples travel through one of these instead of a
 * store: a store update per sample would re-render React per sample, which is exactly
 * what the live path must avoid.
 */
export class Emitter<T> {
  private readonly listeners = new Set<Listener<T>>();

  /** Registers a listener; returns the function that removes it. */
  on(listener: Listener<T>): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  emit(value: T): void {
    for (const listener of this.listeners) {
      // One broken consumer must not starve the others of samples.
      try {
        listener(value);
      } catch (error) {
        console.error('live listener failed', error);
      }
    }
  }

  get listenerCount(): number {
    return this.listeners.size;
  }
}

/** New observations of one datastream, columnar as pushed by the server. */
export interface LiveBatch {
  datastream: string;
  t: number[];
  v: number[];
}

/** The process-wide channel from the live socket to whoever draws samples. */
export const liveSamples = new Emitter<LiveBatch>();

/** Alert transitions pushed by the server: the alerts page refetches on each. */
export const liveAlerts = new Emitter<Extract<LiveServerMessage, { type: 'alert' }>>();
