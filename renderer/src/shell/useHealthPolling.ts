import { useEffect } from 'react';
import { errorMessage, isAbort } from '../api/client';
import { fetchHealth } from '../api/endpoints';
import { useConnection } from '../state/connection';
import type { OutboxPhase } from '../state/drainTracker';

export const HEALTH_INTERVAL_MS = 10_000;
/** While offline or draining the numbers move every second; the operator watches them. */
export const HEALTH_FAST_INTERVAL_MS = 1_000;

/** How long to wait before the next poll, given what the last answers showed. */
export function healthIntervalFor(phase: OutboxPhase): number {
  return phase === 'normal' ? HEALTH_INTERVAL_MS : HEALTH_FAST_INTERVAL_MS;
}

/**
 * Polls GET /api/health into the connection store: every 10 s normally, every second
 * while the bus is offline or the outbox drains. The next poll is scheduled after the
 * previous answer, so a slow server (health waits up to 3 s for an absent broker) is never
 * asked twice at once.
 */
export function useHealthPolling(): void {
  useEffect(() => {
    const abort = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      const store = useConnection.getState();
      try {
        store.setHealth(await fetchHealth(abort.signal), Date.now());
      } catch (error) {
        if (isAbort(error)) return;
        store.setHealthError(errorMessage(error), Date.now());
      }
      if (abort.signal.aborted) return;
      const delay = healthIntervalFor(useConnection.getState().drain.phase);
      timer = setTimeout(() => void poll(), delay);
    };
    void poll();
    return () => {
      abort.abort();
      clearTimeout(timer);
    };
  }, []);
}
