import { create } from 'zustand';
import type { HealthResponse } from '../../../core/contracts/http';
import { initialDrain, trackDrain, type DrainState } from './drainTracker';

export type LiveStatus = 'idle' | 'connecting' | 'open' | 'reconnecting';

export interface ConnectionState {
  live: LiveStatus;
  /** Failed attempts since the socket was last open; drives the backoff. */
  attempt: number;
  /** When the next reconnect attempt is due (epoch ms), while reconnecting. */
  retryAt: number | null;
  /**
   * Counts successful opens. The chart refetches its range when this grows past 1: samples
   * pushed while the socket was down are in the database but were never pushed to us.
   */
  opens: number;
  /** Datastreams the server confirmed on the current connection. */
  subscribed: string[];
  health: HealthResponse | null;
  healthError: string | null;
  healthCheckedAt: number | null;
  /** Offline buffering and drain progress, folded from successive health answers. */
  drain: DrainState;
  setLive(live: LiveStatus, attempt?: number, retryAt?: number | null): void;
  setSubscribed(keys: string[]): void;
  setHealth(health: HealthResponse, at: number): void;
  setHealthError(error: string, at: number): void;
}

const initial = {
  live: 'idle' as LiveStatus,
  attempt: 0,
  retryAt: null,
  opens: 0,
  subscribed: [] as string[],
  health: null,
  healthError: null,
  healthCheckedAt: null,
  drain: initialDrain,
};

export const useConnection = create<ConnectionState>()((set, get) => ({
  ...initial,
  setLive(live, attempt = 0, retryAt = null) {
    const opens = live === 'open' && get().live !== 'open' ? get().opens + 1 : get().opens;
    set({ live, attempt, retryAt, opens });
  },
  setSubscribed: (subscribed) => set({ subscribed }),
  setHealth: (health, at) =>
    set({
      health,
      healthError: null,
      healthCheckedAt: at,
      drain: trackDrain(get().drain, { at, backlog: health.outbox.backlog, busOk: health.bus.ok }),
    }),
  // Keep the last known health visible next to the error: stale beats blank on a desk.
  setHealthError: (healthError, at) => set({ healthError, healthCheckedAt: at }),
}));

export function resetConnection(): void {
  useConnection.setState({ ...initial, subscribed: [] });
}
