/** One answer of GET /api/health, reduced to what the outbox display needs. */
export interface HealthSample {
  /** When the answer arrived (epoch ms): the clock the drain rate is measured on. */
  at: number;
  backlog: number;
  busOk: boolean;
}

/** normal: the usual chip; offline: the bus is down and the outbox buffers; draining: catching up. */
export type OutboxPhase = 'normal' | 'offline' | 'draining';

export interface DrainState {
  phase: OutboxPhase;
  backlog: number;
  /** Highest backlog since the outbox last ran dry: what 100 % of the drain is. */
  peak: number;
  /** Fraction of the peak published so far, 0..1. */
  progress: number;
  /** Rows per second leaving the outbox, or null until two drain samples show it shrink. */
  rate: number | null;
  /** Seconds until the outbox is empty at that rate, or null while unknown. */
  etaSeconds: number | null;
  /** Recent drain samples; the rate is measured across them rather than from one noisy step. */
  window: HealthSample[];
}

/** A backlog this small is steady-state traffic between relay rounds, not a drain. */
export const NEAR_ZERO = 50;
/** Below this peak a shrinking backlog is a burst the relay absorbs within a poll or two. */
export const DRAIN_MIN_PEAK = 1000;
/** Long enough to smooth out the relay's round-sized steps, short enough to follow a change. */
export const RATE_WINDOW_MS = 10_000;

export const initialDrain: DrainState = {
  phase: 'normal',
  backlog: 0,
  peak: 0,
  progress: 0,
  rate: null,
  etaSeconds: null,
  window: [],
};

/** The rate over the window (oldest to newest sample); null unless the backlog shrank. */
function drainRate(window: HealthSample[]): number | null {
  const first = window[0];
  const last = window.at(-1);
  if (!first || !last || last.at <= first.at) return null;
  const rate = (first.backlog - last.backlog) / ((last.at - first.at) / 1000);
  return rate > 0 ? rate : null;
}

/**
 * Folds one health sample into the drain state. Pure, so the display's arithmetic (peak,
 * progress, rate, time left) is tested without timers or a server.
 */
export function trackDrain(previous: DrainState, sample: HealthSample): DrainState {
  // A negative backlog means the database could not be asked: keep what we knew.
  if (sample.backlog < 0) return previous;
  const peak = Math.max(previous.peak, sample.backlog);
  if (!sample.busOk) {
    // Whatever is in the outbox now waits for the bus; a drain restarts from here later.
    return { ...initialDrain, phase: 'offline', backlog: sample.backlog, peak };
  }
  if (sample.backlog <= NEAR_ZERO) return { ...initialDrain, backlog: sample.backlog };

  const catchingUp = previous.phase === 'offline' || previous.phase === 'draining';
  const shrinking = sample.backlog < peak && peak >= DRAIN_MIN_PEAK;
  if (!catchingUp && !shrinking) {
    return { ...initialDrain, backlog: sample.backlog, peak, window: [sample] };
  }
  // Offline samples show growth, not the relay's speed: the rate starts with the bus back.
  const kept = previous.phase === 'offline' ? [] : previous.window;
  const window = [...kept.filter((s) => sample.at - s.at <= RATE_WINDOW_MS), sample];
  const rate = drainRate(window);
  return {
    phase: 'draining',
    backlog: sample.backlog,
    peak,
    progress: peak > 0 ? Math.min(1, Math.max(0, (peak - sample.backlog) / peak)) : 0,
    rate,
    etaSeconds: rate === null ? null : sample.backlog / rate,
    window,
  };
}
